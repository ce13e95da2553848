import { z } from 'zod';
import { EpochMsSchema } from './common';
import { TaskIdField } from './tasks';

/** Every background job, by the name the scheduler and the activity log use. */
export const JOB_NAMES = [
  'routers.health',
  'routers.queue',
  'sessions.sweep',
  'db.upkeep',
  'routers.auto_sync',
  'clients.expiry',
  'activity.checkpoint',
  'activity.maintenance',
  'db.backup',
  'system.disk_space',
] as const;
export const JobNameSchema = z.enum(JOB_NAMES, { error: 'Unknown job' });
export type JobName = z.infer<typeof JobNameSchema>;

/**
 * `task`: real work whose every run is logged. `tick`: frequent internal work (health polls, the
 * router queue, session sweep, WAL checkpoint) logged only when it fails, when it recovers, and
 * when staff run it.
 */
export const JobKindSchema = z.enum(['task', 'tick']);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JobTriggerSchema = z.enum(['schedule', 'staff']);
export type JobTrigger = z.infer<typeof JobTriggerSchema>;

export const JobRunSchema = z.object({
  startedAt: EpochMsSchema,
  durationMs: z.number().int().min(0),
  outcome: z.enum(['success', 'failure']),
  /** What the run did, e.g. "Backup ispdesk-20300115-090000.db written (12.3 MB), 7 kept". */
  summary: z.string().nullable(),
  /** Why it failed, in plain words. */
  error: z.string().nullable(),
  trigger: JobTriggerSchema,
  /** Who ran it now; null for scheduled runs. */
  actor: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const JobSchema = z.object({
  name: JobNameSchema,
  label: z.string(),
  kind: JobKindSchema,
  /** In words: "every 500 ms", "every 60 min (network settings)", "off". */
  schedule: z.string(),
  /** False when switched off in settings (backups); "Run now" still works. */
  enabled: z.boolean(),
  running: z.boolean(),
  runningSince: EpochMsSchema.nullable(),
  lastRun: JobRunSchema.nullable(),
  lastSuccessAt: EpochMsSchema.nullable(),
  consecutiveFailures: z.number().int().min(0),
  /** When it runs next (null: running, off, or background jobs not started). */
  nextRunAt: EpochMsSchema.nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const RunJobInput = z.strictObject({ name: JobNameSchema, ...TaskIdField });

/** The daily online backup of the database (see README, "Backups"). */
export const BackupSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Hours between backups (24: daily). */
  intervalHours: z.number().int(),
  /** Newest backups kept; older ones are deleted after each successful backup. */
  keep: z.number().int(),
  /** Where the backups are written (absolute path, read-only). */
  folder: z.string(),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

export const UpdateBackupSettingsInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    intervalHours: z
      .number({ error: 'Interval must be a whole number of hours' })
      .int('Interval must be a whole number of hours')
      .min(1, 'Interval must be at least 1 hour')
      .max(7 * 24, 'Interval must be at most 168 hours (a week)')
      .optional(),
    keep: z
      .number({ error: 'Keep must be a whole number' })
      .int('Keep must be a whole number')
      .min(1, 'Keep at least 1 backup')
      .max(365, 'Keep at most 365 backups')
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change' });
export type UpdateBackupSettings = z.infer<typeof UpdateBackupSettingsInput>;
