import type { BackupSettings, Job } from '@contract/schemas/jobs';

/** A job as `jobs.list` returns it, for renderer tests. */
export const jobFixture = (overrides: Partial<Job> & Pick<Job, 'name' | 'label'>): Job => ({
  kind: 'task',
  schedule: 'daily',
  enabled: true,
  running: false,
  runningSince: null,
  lastRun: null,
  lastSuccessAt: null,
  consecutiveFailures: 0,
  nextRunAt: Date.now() + 2 * 3_600_000,
  ...overrides,
});

export const BACKUP_SETTINGS: BackupSettings = {
  enabled: true,
  intervalHours: 24,
  keep: 7,
  folder: '/srv/ispdesk/backups',
};
