import type { Sqlite } from '../db/open-database';

/** One run as the history keeps it (a `task` run, or any run staff started). */
export type JobRunRow = {
  job: string;
  startedAt: number;
  durationMs: number;
  outcome: 'success' | 'failure';
  trigger: 'schedule' | 'staff';
};

/** A job's scheduled tick runs in one UTC hour. */
export type JobHourRow = {
  hour: number;
  job: string;
  runs: number;
  failures: number;
  totalMs: number;
  maxMs: number;
  maxAt: number;
};

/** Runs of one job in one UTC hour, from either table. */
export type JobHourTotals = {
  job: string;
  hour: number;
  runs: number;
  failures: number;
  totalMs: number;
  maxMs: number;
};

/**
 * One of the slowest runs in a range. `exact` false: the slowest scheduled tick of that hour,
 * whose own outcome is not kept (null).
 */
export type SlowRun = Omit<JobRunRow, 'outcome'> & {
  outcome: JobRunRow['outcome'] | null;
  exact: boolean;
};

/**
 * Repository of `job_runs` and `job_run_hours` (the job-run history the Insights screen reads):
 * all SQL on these two tables lives here. Reads go by the `started_at` index or the hour key, so
 * they cost the rows of the range, never the whole history.
 */
export const createJobRunsRepo = (sqlite: Sqlite) => {
  const insertRun = sqlite.prepare<[string, number, number, string, string]>(
    `INSERT INTO job_runs (job, started_at, duration_ms, outcome, "trigger") VALUES (?, ?, ?, ?, ?)`,
  );
  const addHour = sqlite.prepare<[number, string, number, number, number, number, number]>(
    `INSERT INTO job_run_hours (hour, job, runs, failures, total_ms, max_ms, max_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET
       runs = runs + excluded.runs,
       failures = failures + excluded.failures,
       total_ms = total_ms + excluded.total_ms,
       max_at = CASE WHEN excluded.max_ms > max_ms THEN excluded.max_at ELSE max_at END,
       max_ms = max(max_ms, excluded.max_ms)`,
  );
  const runHours = sqlite.prepare<[number, number], JobHourTotals>(
    `SELECT job, started_at / 3600000 AS hour, count(*) AS runs,
       sum(CASE WHEN outcome = 'failure' THEN 1 ELSE 0 END) AS failures,
       sum(duration_ms) AS totalMs, max(duration_ms) AS maxMs
     FROM job_runs WHERE started_at BETWEEN ? AND ? GROUP BY 1, 2`,
  );
  const tickHours = sqlite.prepare<[number, number], JobHourTotals>(
    `SELECT job, hour, runs, failures, total_ms AS totalMs, max_ms AS maxMs
     FROM job_run_hours WHERE hour BETWEEN ? AND ?`,
  );
  const slowRuns = sqlite.prepare<[number, number, number], JobRunRow>(
    `SELECT job, started_at AS startedAt, duration_ms AS durationMs, outcome, "trigger"
     FROM job_runs WHERE started_at BETWEEN ? AND ? ORDER BY duration_ms DESC, id LIMIT ?`,
  );
  const slowHours = sqlite.prepare<[number, number, number], JobHourRow>(
    `SELECT hour, job, runs, failures, total_ms AS totalMs, max_ms AS maxMs, max_at AS maxAt
     FROM job_run_hours WHERE hour BETWEEN ? AND ? ORDER BY max_ms DESC LIMIT ?`,
  );
  const pruneRuns = sqlite.prepare<[number, number]>(
    `DELETE FROM job_runs WHERE id IN (
       SELECT id FROM job_runs WHERE started_at < ? ORDER BY started_at LIMIT ?)`,
  );
  const pruneHours = sqlite.prepare<[number, number]>(
    `DELETE FROM job_run_hours WHERE (hour, job) IN (
       SELECT hour, job FROM job_run_hours WHERE hour < ? ORDER BY hour LIMIT ?)`,
  );

  return {
    addRun: (r: JobRunRow): void => {
      insertRun.run(r.job, r.startedAt, r.durationMs, r.outcome, r.trigger);
    },
    /** Adds a tick's runs to its hour (a restart in the same hour adds to what is there). */
    addHour: (h: JobHourRow): void => {
      addHour.run(h.hour, h.job, h.runs, h.failures, h.totalMs, h.maxMs, h.maxAt);
    },
    /** Per job and UTC hour over [from, to] (epoch ms): kept runs and tick hours alike. */
    hours: (from: number, to: number): JobHourTotals[] => [
      ...runHours.all(from, to),
      ...tickHours.all(Math.floor(from / 3_600_000), Math.floor(to / 3_600_000)),
    ],
    /** The `limit` slowest runs starting in [from, to]: kept runs and the ticks' hourly peaks. */
    slowest: (from: number, to: number, limit: number): SlowRun[] => {
      const runs: SlowRun[] = slowRuns.all(from, to, limit).map((r) => ({ ...r, exact: true }));
      const ticks: SlowRun[] = slowHours
        .all(Math.floor(from / 3_600_000), Math.floor(to / 3_600_000), limit)
        .map((h) => ({
          job: h.job,
          startedAt: h.maxAt,
          durationMs: h.maxMs,
          outcome: null,
          trigger: 'schedule' as const,
          exact: false,
        }));
      return [...runs, ...ticks]
        .sort((a, b) => b.durationMs - a.durationMs || a.startedAt - b.startedAt)
        .slice(0, limit);
    },
    /** Removes at most `limit` runs and `limit` hours older than `before`; returns how many. */
    prune: (before: number, limit: number): number =>
      pruneRuns.run(before, limit).changes +
      pruneHours.run(Math.floor(before / 3_600_000), limit).changes,
  };
};

export type JobRunsRepo = ReturnType<typeof createJobRunsRepo>;
