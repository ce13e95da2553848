import type { Recorder } from '../activity/recorder';
import { formatSpan } from '../routers/durations';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { Logger } from '../shared/logger';
import { officeDateTime } from '../shared/office-time';

/** A jump of the wall clock larger than this, either way, is logged. */
export const CLOCK_JUMP_MS = 60_000;

/**
 * Notices the computer's clock being set (by hand, by a dead clock battery, by time sync after a
 * long drift): the wall clock moved by more than a minute more or less than the machine's uptime
 * did. Each such jump is logged once as `system.clock_changed` with both times: what the clock
 * would read had it not moved, and what it reads. Checked before every change (so the entry
 * comes before the first change stamped by the new clock) and at start, where a clock behind the
 * log's last entry is the only jump that can be told from the app having been stopped.
 */
export const createClockWatch = (deps: {
  clock: Clock;
  recorder: Recorder;
  logger: Logger;
  timeZone: () => string;
  systemMeta: () => RequestMeta;
  /** The log's last entry time (null when empty). */
  lastEntryTs: () => number | null;
}) => {
  const { clock } = deps;
  const uptime = clock.uptimeMs?.bind(clock);
  let base = uptime ? { wall: clock.now(), up: uptime() } : null;

  const log = (before: number, after: number): void => {
    const tz = deps.timeZone();
    try {
      deps.recorder.record({
        event: 'system.clock_changed',
        params: {
          direction: after < before ? 'back' : 'forward',
          by: formatSpan(Math.abs(after - before) / 1_000),
          before: officeDateTime(before, tz),
          after: officeDateTime(after, tz),
        },
        ctx: { ...deps.systemMeta(), actor: null },
        details: { before, after },
      });
    } catch (e) {
      deps.logger.error('could not log a change of the computer clock', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };

  return {
    /** At start: a clock behind the log's last entry by more than a minute was turned back. */
    atStart: (): void => {
      const last = deps.lastEntryTs();
      const now = clock.now();
      if (last !== null && last - now > CLOCK_JUMP_MS) log(last, now);
    },
    /** Compares how far the clock and the uptime moved since the last look. */
    check: (): void => {
      if (!uptime || !base) return;
      const wall = clock.now();
      const up = uptime();
      const expected = base.wall + (up - base.up);
      base = { wall, up };
      if (Math.abs(wall - expected) > CLOCK_JUMP_MS) log(expected, wall);
    },
  };
};

export type ClockWatch = ReturnType<typeof createClockWatch>;
