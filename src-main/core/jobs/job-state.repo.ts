import { eq } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { scheduledJobs } from '../db/schema';
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

/**
 * Repository of the `scheduled_jobs` table (each job's last run, kept across restarts): all SQL
 * on it lives here.
 */
export const createJobStateRepo = (orm: Orm) => {
  return {
    get: (name: string): JobState => {
      const r = orm.select().from(scheduledJobs).where(eq(scheduledJobs.name, name)).get();
      if (!r) return EMPTY_JOB_STATE;
      const lastRun: JobRun | null =
        r.lastStartedAt === null || r.lastOutcome === null
          ? null
          : {
              startedAt: r.lastStartedAt,
              durationMs: r.lastDurationMs ?? 0,
              outcome: r.lastOutcome,
              summary: r.lastSummary,
              error: r.lastError,
              trigger: r.lastTrigger ?? 'schedule',
              actor: r.lastActor,
            };
      return {
        lastRun,
        lastSuccessAt: r.lastSuccessAt,
        consecutiveFailures: r.consecutiveFailures,
      };
    },
    save: (name: string, s: JobState, now: number): void => {
      const row = {
        lastStartedAt: s.lastRun?.startedAt ?? null,
        lastDurationMs: s.lastRun?.durationMs ?? null,
        lastOutcome: s.lastRun?.outcome ?? null,
        lastSummary: s.lastRun?.summary ?? null,
        lastError: s.lastRun?.error ?? null,
        lastTrigger: s.lastRun?.trigger ?? null,
        lastActor: s.lastRun?.actor ?? null,
        lastSuccessAt: s.lastSuccessAt,
        consecutiveFailures: s.consecutiveFailures,
        updatedAt: now,
      };
      orm
        .insert(scheduledJobs)
        .values({ name, ...row })
        .onConflictDoUpdate({ target: scheduledJobs.name, set: row })
        .run();
    },
  };
};

export type JobStateRepo = ReturnType<typeof createJobStateRepo>;
