import type { Sqlite } from '../db/open-database';
import type { JobRun } from '../../contract/schemas/jobs';

export type JobState = {
  lastRun: JobRun | null;
  lastSuccessAt: number | null;
  consecutiveFailures: number;
};

export const EMPTY_JOB_STATE: JobState = {
  lastRun: null,
  lastSuccessAt: null,
  consecutiveFailures: 0,
};

type Row = {
  last_started_at: number | null;
  last_duration_ms: number | null;
  last_outcome: 'success' | 'failure' | null;
  last_summary: string | null;
  last_error: string | null;
  last_trigger: 'schedule' | 'staff' | null;
  last_actor: string | null;
  last_success_at: number | null;
  consecutive_failures: number;
};

/** The `scheduled_jobs` table: each job's last run, kept across restarts. */
export const createJobStateRepo = (sqlite: Sqlite) => {
  const select = sqlite.prepare<[string], Row>('SELECT * FROM scheduled_jobs WHERE name = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO scheduled_jobs (name, last_started_at, last_duration_ms, last_outcome,
       last_summary, last_error, last_trigger, last_actor, last_success_at,
       consecutive_failures, updated_at)
     VALUES (@name, @startedAt, @durationMs, @outcome, @summary, @error, @trigger, @actor,
       @lastSuccessAt, @consecutiveFailures, @now)
     ON CONFLICT (name) DO UPDATE SET
       last_started_at = excluded.last_started_at, last_duration_ms = excluded.last_duration_ms,
       last_outcome = excluded.last_outcome, last_summary = excluded.last_summary,
       last_error = excluded.last_error, last_trigger = excluded.last_trigger,
       last_actor = excluded.last_actor, last_success_at = excluded.last_success_at,
       consecutive_failures = excluded.consecutive_failures, updated_at = excluded.updated_at`,
  );
  return {
    get: (name: string): JobState => {
      const r = select.get(name);
      if (!r) return EMPTY_JOB_STATE;
      const lastRun: JobRun | null =
        r.last_started_at === null || r.last_outcome === null
          ? null
          : {
              startedAt: r.last_started_at,
              durationMs: r.last_duration_ms ?? 0,
              outcome: r.last_outcome,
              summary: r.last_summary,
              error: r.last_error,
              trigger: r.last_trigger ?? 'schedule',
              actor: r.last_actor,
            };
      return {
        lastRun,
        lastSuccessAt: r.last_success_at,
        consecutiveFailures: r.consecutive_failures,
      };
    },
    save: (name: string, s: JobState, now: number): void => {
      upsert.run({
        name,
        startedAt: s.lastRun?.startedAt ?? null,
        durationMs: s.lastRun?.durationMs ?? null,
        outcome: s.lastRun?.outcome ?? null,
        summary: s.lastRun?.summary ?? null,
        error: s.lastRun?.error ?? null,
        trigger: s.lastRun?.trigger ?? null,
        actor: s.lastRun?.actor ?? null,
        lastSuccessAt: s.lastSuccessAt,
        consecutiveFailures: s.consecutiveFailures,
        now,
      });
    },
  };
};

export type JobStateRepo = ReturnType<typeof createJobStateRepo>;
