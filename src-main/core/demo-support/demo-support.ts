import type { DemoRefusal } from '../activity/events/system-events';
import { countLogEntries } from '../activity/log-size';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { RequestMeta } from '../shared/context';

/** Where a first-run screen's request to open the demo office came from. */
const fromOf = (where: RequestMeta): string => where.ip ?? 'this workstation';

/**
 * What the demo office's launcher and seeder ask of a core: the office's own log entries about
 * opening the demo from its first-run screen, and the size of a freshly seeded log.
 */
export const createDemoSupport = ({
  sqlite,
  recorder,
}: {
  sqlite: Sqlite;
  recorder: Recorder;
}) => ({
  /** This office's first-run screen led to the demo office (nothing else in it changes). */
  opened: (where: RequestMeta): void => {
    recorder.record({
      event: 'system.demo_opened',
      params: { from: fromOf(where) },
      ctx: { ...where, actor: null },
    });
  },
  /** The demo office's header led back to the office (in the demo office's own log). */
  left: (where: RequestMeta): void => {
    recorder.record({
      event: 'system.demo_left',
      params: { from: fromOf(where) },
      ctx: { ...where, actor: null },
    });
  },
  /** A request to open the demo office was refused, and why. */
  refused: (where: RequestMeta, reason: DemoRefusal): void => {
    recorder.record({
      event: 'system.demo_refused',
      params: { from: fromOf(where), reason },
      ctx: { ...where, actor: null },
      details: { reason },
    });
  },
  /** Entries in the activity log: the seeder's summary of what it wrote. */
  logEntries: (): number => countLogEntries(sqlite),
});
