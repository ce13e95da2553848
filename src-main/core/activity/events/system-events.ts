import { defineEvent } from '../define-event';

type DiskWords = { folder: string; free: string; total: string; threshold: string };

/** Why opening the demo office from the first-run screen was refused. */
export type DemoRefusal = 'unavailable' | 'accounts_exist' | 'already_opening';

const DEMO_REFUSAL_TEXT: Record<DemoRefusal, string> = {
  unavailable: 'this installation cannot switch to it',
  accounts_exist: 'this office already has accounts',
  already_opening: 'it is already being opened',
};

export const systemEvents = {
  'system.started': defineEvent<{ version: string; mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk ${p.version} started (${p.mode})`,
  ),
  'system.lock_recovered': defineEvent<{ pid: number | null; host: string | null; reason: string }>(
    'system',
    'system',
    'success',
    (p) =>
      `The data folder's lock left by ${p.pid === null ? 'an unknown process' : `process ${String(p.pid)}`}` +
      `${p.host ? ` on ${p.host}` : ''} was taken over: ${p.reason}`,
  ),
  'system.data_folder_secured': defineEvent<{
    folder: string;
    folderMode: string;
    entries: number;
    failed: number;
  }>(
    'system',
    'system',
    'success',
    (p) =>
      `The data folder ${p.folder} was open to other users (permissions ${p.folderMode}): ` +
      `restricted to its owner, with ${String(p.entries)} file${p.entries === 1 ? '' : 's'} in it` +
      (p.failed > 0 ? `; ${String(p.failed)} could not be changed` : ''),
  ),
  'system.demo_opened': defineEvent<{ from: string }>(
    'user',
    'system',
    'success',
    (p) =>
      `The demo office was opened from the first-run screen at ${p.from}; this office is unchanged`,
  ),
  'system.demo_left': defineEvent<{ from: string }>(
    'user',
    'system',
    'success',
    (p) => `The demo office was left for the office from ${p.from}`,
  ),
  'system.demo_refused': defineEvent<{ from: string; reason: DemoRefusal }>(
    'user',
    'system',
    'failure',
    (p) => `Opening the demo office from ${p.from} was refused: ${DEMO_REFUSAL_TEXT[p.reason]}`,
  ),
  'system.stopped': defineEvent<{ mode: string }>(
    'system',
    'system',
    'success',
    (p) => `ISP Desk stopped (${p.mode})`,
  ),
  /** Free space on the data folder's disk fell below the warning threshold (storage/disk-space.ts). */
  'system.disk_low': defineEvent<DiskWords>(
    'system',
    'system',
    'failure',
    (p) =>
      `Disk space is low: ${p.free} free of ${p.total} on the disk holding the data folder ` +
      `${p.folder} (the warning shows below ${p.threshold}); when it is full, nothing can be saved`,
  ),
  'system.disk_recovered': defineEvent<DiskWords>(
    'system',
    'system',
    'success',
    (p) =>
      `Disk space is enough again: ${p.free} free of ${p.total} on the disk holding the data ` +
      `folder ${p.folder}`,
  ),
  /**
   * The computer's clock was set by more than a minute (clock/clock-watch.ts). Turned back, later
   * entries carry the last entry's time until the clock catches up, so that the log stays in order.
   */
  'system.clock_changed': defineEvent<{
    direction: 'back' | 'forward';
    by: string;
    before: string;
    after: string;
  }>('system', 'system', 'failure', (p) =>
    p.direction === 'back'
      ? `The computer's clock was turned back by ${p.by}, from ${p.before} to ${p.after}; ` +
        `entries until it catches up carry the time of the entry before, with the clock's reading noted`
      : `The computer's clock jumped forward by ${p.by}, from ${p.before} to ${p.after} ` +
        `(set by hand or by time sync)`,
  ),
};
