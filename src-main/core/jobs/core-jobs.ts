import type { RequestMeta } from '../shared/context';
import type { BackupResult } from '../backup/database-backup';
import type { JobDefinition } from './job-definition';
import { formatBytes, formatEvery } from './job-log-format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How often each job is looked at; the settings or due-checks say whether it runs. */
export const CORE_JOB_TICKS = {
  sessionSweepMs: MINUTE,
  upkeepMs: 5_000,
  checkpointCheckMs: 15 * MINUTE,
  maintenanceCheckMs: 15 * MINUTE,
  backupCheckMs: 5 * MINUTE,
  diskSpaceMs: 2 * MINUTE,
};

/** Jobs of the core itself: sessions, the database file, the activity log, backups. */
export const coreJobs = (deps: {
  sweepSessions: (correlationId: string) => number;
  upkeep: () => { walPages: number; merged: boolean; walBytes: number };
  checkpointDue: () => boolean;
  checkpointIfDue: (meta: RequestMeta) => number | null;
  maintainLog: (meta: RequestMeta) => string;
  backup: {
    settings: () => { enabled: boolean; intervalHours: number };
    run: (signal: AbortSignal) => Promise<BackupResult>;
  };
  checkDiskSpace: (meta: RequestMeta) => string;
}): JobDefinition[] => [
  {
    name: 'sessions.sweep',
    label: 'Session expiry sweep',
    kind: 'tick',
    tickMs: CORE_JOB_TICKS.sessionSweepMs,
    schedule: () => formatEvery(CORE_JOB_TICKS.sessionSweepMs),
    run: ({ meta }) => {
      const n = deps.sweepSessions(meta.correlationId);
      return n === 0 ? 'no session expired' : `${String(n)} idle or old sessions ended`;
    },
  },
  {
    name: 'db.upkeep',
    label: 'Database upkeep (WAL checkpoint, search index merge)',
    kind: 'tick',
    tickMs: CORE_JOB_TICKS.upkeepMs,
    schedule: () => formatEvery(CORE_JOB_TICKS.upkeepMs),
    run: () => {
      const r = deps.upkeep();
      const merged = r.merged ? '; search index segments merged' : '';
      const wal = `; WAL file ${formatBytes(r.walBytes)}`;
      return `${String(r.walPages)} pages copied into the database file${merged}${wal}`;
    },
  },
  {
    name: 'activity.checkpoint',
    label: 'Activity log checkpoint',
    kind: 'task',
    tickMs: CORE_JOB_TICKS.checkpointCheckMs,
    isDue: deps.checkpointDue,
    schedule: () => 'daily, or after 10 000 new entries (checked every 15 min)',
    run: ({ meta }) => {
      const upto = deps.checkpointIfDue(meta);
      return upto === null ? 'no checkpoint due' : `checkpoint signed at entry ${String(upto)}`;
    },
  },
  {
    name: 'activity.maintenance',
    label: 'Activity log maintenance',
    kind: 'task',
    tickMs: CORE_JOB_TICKS.maintenanceCheckMs,
    intervalMs: () => DAY,
    schedule: () => 'daily',
    run: ({ meta }) => deps.maintainLog(meta),
  },
  {
    name: 'db.backup',
    label: 'Database backup',
    kind: 'task',
    tickMs: CORE_JOB_TICKS.backupCheckMs,
    intervalMs: () => deps.backup.settings().intervalHours * HOUR,
    enabled: () => deps.backup.settings().enabled,
    schedule: () => {
      const h = deps.backup.settings().intervalHours;
      return h === 24 ? 'daily' : `every ${String(h)} h`;
    },
    run: async ({ signal }) => {
      const r = await deps.backup.run(signal);
      const removed = r.removed.length === 0 ? '' : `, ${String(r.removed.length)} older removed`;
      return `Backup ${r.file} written (${formatBytes(r.bytes)}), ${String(r.kept)} kept${removed}`;
    },
  },
  {
    // Low space is logged (system.disk_low / disk_recovered) by the check itself, once per change.
    name: 'system.disk_space',
    label: 'Free disk space check',
    kind: 'tick',
    tickMs: CORE_JOB_TICKS.diskSpaceMs,
    schedule: () => formatEvery(CORE_JOB_TICKS.diskSpaceMs),
    run: ({ meta }) => deps.checkDiskSpace(meta),
  },
];
