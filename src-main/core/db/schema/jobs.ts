import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The last run of each background job (one row per job name), so the Scheduled jobs screen and
 * the settings-driven intervals survive a restart. High-frequency ticks write their row only when
 * their outcome changes or staff run them (see jobs/job-registry.ts).
 */
export const scheduledJobs = sqliteTable('scheduled_jobs', {
  name: text().primaryKey(),
  lastStartedAt: integer(),
  lastDurationMs: integer(),
  lastOutcome: text({ enum: ['success', 'failure'] }),
  lastSummary: text(),
  lastError: text(),
  /** `schedule`, or `staff` for "run now". */
  lastTrigger: text({ enum: ['schedule', 'staff'] }),
  /** Display name of the staff member who ran it now; null for scheduled runs. */
  lastActor: text(),
  lastSuccessAt: integer(),
  consecutiveFailures: integer().notNull().default(0),
  updatedAt: integer().notNull(),
});
