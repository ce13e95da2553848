import type { JobRun } from '../../contract/schemas/jobs';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { JobHourRow, JobRunsRepo } from './job-runs.repo';
import type { RouterRollupRepo } from './router-rollup.repo';

const HOUR_MS = 3_600_000;
/** Ticks' hourly totals reach the database at most this often (and when the app stops). */
export const TICK_FLUSH_MS = 5 * 60_000;
/** How long the job-run history and the routers' hourly health are kept. */
export const INSIGHTS_KEEP_DAYS = 400;
/** Old rows removed per flush and table: a few hundred, one short transaction. */
const PRUNE_CHUNK = 500;

/**
 * The job-run history the Insights screen reads. Runs worth a log entry (every `task` run, every
 * run staff started) are kept one row each, written by the job registry in the run's own
 * transaction (`kept`). Scheduled ticks run every few seconds: their runs are added up per job
 * and hour in memory (`tick`) and written every few minutes in one short transaction, which also
 * prunes a chunk of history older than INSIGHTS_KEEP_DAYS. `pending` answers what is not written
 * yet, so the screen is current to the tick.
 */
export const createRunHistory = (deps: {
  runs: JobRunsRepo;
  routers: RouterRollupRepo;
  write: WriteTransaction;
  clock: Clock;
  logger: Logger;
}) => {
  const open = new Map<string, JobHourRow>();
  let flushedAt = deps.clock.now();

  /** Writes the pending hours; with `prune`, also removes a chunk of expired history. */
  const flush = (prune: boolean): void => {
    const now = deps.clock.now();
    flushedAt = now;
    const rows = [...open.values()];
    if (rows.length === 0 && !prune) return;
    try {
      deps.write(() => {
        for (const row of rows) deps.runs.addHour(row);
        if (!prune) return;
        const before = now - INSIGHTS_KEEP_DAYS * 86_400_000;
        deps.runs.prune(before, PRUNE_CHUNK);
        deps.routers.prune(before, PRUNE_CHUNK);
      });
      for (const row of rows) open.delete(`${row.job}|${String(row.hour)}`);
    } catch (e) {
      // Kept in memory and tried again at the next flush.
      deps.logger.warn('could not write the scheduled jobs’ run history', {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };

  return {
    /** A run kept one row; call inside the transaction that logs the run. */
    kept: (job: string, run: JobRun): void => {
      deps.runs.addRun({
        job,
        startedAt: run.startedAt,
        durationMs: run.durationMs,
        outcome: run.outcome,
        trigger: run.trigger,
      });
    },

    /** A scheduled tick ran: added to its hour, written with the others every few minutes. */
    tick: (job: string, run: JobRun): void => {
      const hour = Math.floor(run.startedAt / HOUR_MS);
      const key = `${job}|${String(hour)}`;
      const row = open.get(key);
      const failed = run.outcome === 'failure' ? 1 : 0;
      if (!row) {
        open.set(key, {
          hour,
          job,
          runs: 1,
          failures: failed,
          totalMs: run.durationMs,
          maxMs: run.durationMs,
          maxAt: run.startedAt,
        });
      } else {
        row.runs += 1;
        row.failures += failed;
        row.totalMs += run.durationMs;
        if (run.durationMs > row.maxMs) {
          row.maxMs = run.durationMs;
          row.maxAt = run.startedAt;
        }
      }
      if (deps.clock.now() - flushedAt >= TICK_FLUSH_MS) flush(true);
    },

    /** Tick totals not written yet (what the last few minutes added). */
    pending: (): JobHourRow[] => [...open.values()].map((r) => ({ ...r })),

    /** Writes what is pending (the app is stopping). */
    flush: (): void => flush(false),
  };
};

export type RunHistory = ReturnType<typeof createRunHistory>;
