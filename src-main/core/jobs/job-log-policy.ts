import type { JobKind, JobTrigger } from '../../contract/schemas/jobs';

export type RunOutcome = 'success' | 'failure';
export type JobLogEvent = 'job.completed' | 'job.failed' | 'job.recovered' | 'job.run_by_staff';

/**
 * Which activity entry a run writes, if any.
 *
 * Real jobs (`task`: auto-sync, expiry, checkpoint, log maintenance, backup) run at most every
 * few minutes and each run is worth an entry. Ticks (health polls every 500 ms, the router queue,
 * the session sweep, WAL checkpoints) would write hundreds of thousands of entries a day that say
 * nothing: they are logged only when they start failing, when they work again, and when staff
 * run them. Repeated failures of a tick are not logged one by one; the recovery entry says how
 * many runs failed. A run started by staff is always logged, with them as the actor.
 */
export const jobLogEvent = (
  kind: JobKind,
  trigger: JobTrigger,
  outcome: RunOutcome,
  failuresBefore: number,
): JobLogEvent | null => {
  if (trigger === 'staff') return 'job.run_by_staff';
  if (kind === 'task') return outcome === 'success' ? 'job.completed' : 'job.failed';
  if (outcome === 'failure') return failuresBefore === 0 ? 'job.failed' : null;
  return failuresBefore > 0 ? 'job.recovered' : null;
};
