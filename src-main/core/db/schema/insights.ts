import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { routers } from './routers';

/**
 * Runs of the background jobs whose every run matters: each run of a real job (`task`: auto-sync,
 * expiry, checkpoint, log maintenance, backup) and each run staff started, written in the same
 * transaction as the run's log entry. The Insights screen draws durations over time and the
 * slowest runs from here; rows older than the kept history are pruned a few hundred at a time.
 */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    job: text().notNull(),
    startedAt: integer().notNull(),
    durationMs: integer().notNull(),
    outcome: text({ enum: ['success', 'failure'] }).notNull(),
    trigger: text({ enum: ['schedule', 'staff'] }).notNull(),
  },
  (t) => [index('job_runs_started_idx').on(t.startedAt)],
);

/**
 * Scheduled runs of the frequent ticks (health polls, the router queue, sweeps, WAL checkpoints)
 * folded into one row per job and UTC hour: a tick every 500 ms would otherwise write a row
 * every 500 ms forever. `maxAt` is when the hour's slowest run started.
 */
export const jobRunHours = sqliteTable(
  'job_run_hours',
  {
    hour: integer().notNull(),
    job: text().notNull(),
    runs: integer().notNull(),
    failures: integer().notNull(),
    totalMs: integer().notNull(),
    maxMs: integer().notNull(),
    maxAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.hour, t.job] })],
);

/**
 * Each router's health samples per UTC hour, kept by a trigger on `router_health_samples`
 * (migration 0014): latency, failed polls and outages (a failed poll after a good one) over any
 * range read a few rows per router and hour instead of every sample. Kept longer than the samples.
 */
export const routerHealthHourly = sqliteTable(
  'router_health_hourly',
  {
    routerId: integer()
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    hour: integer().notNull(),
    samples: integer().notNull(),
    failed: integer().notNull(),
    latencySum: integer().notNull(),
    latencyCount: integer().notNull(),
    latencyMax: integer(),
    outages: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.routerId, t.hour] }),
    index('router_health_hourly_hour_idx').on(t.hour),
  ],
);
