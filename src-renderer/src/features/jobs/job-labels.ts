import type { Job } from '@contract/schemas/jobs';

/** "0 ms", "850 ms", "1.2 s", "2 min 5 s". */
export const formatDuration = (ms: number): string => {
  const v = Math.max(0, Math.round(ms));
  if (v < 1_000) return `${String(v)} ms`;
  if (v < 60_000) return `${(v / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(v / 60_000);
  const seconds = Math.round((v % 60_000) / 1_000);
  return seconds === 0 ? `${String(minutes)} min` : `${String(minutes)} min ${String(seconds)} s`;
};

export type OutcomeBadge = { label: string; color: string; state: string };

/** The outcome column: running, the last run's outcome, or never run. */
export const jobOutcome = (job: Pick<Job, 'running' | 'lastRun' | 'consecutiveFailures'>) => {
  if (job.running) return { label: 'Running', color: 'blue', state: 'running' };
  if (!job.lastRun) return { label: 'Never run', color: 'gray', state: 'never' };
  if (job.lastRun.outcome === 'success')
    return { label: 'Success', color: 'teal', state: 'success' };
  const times = job.consecutiveFailures;
  return {
    label: times > 1 ? `Failed (${String(times)}× in a row)` : 'Failed',
    color: 'red',
    state: 'failure',
  };
};
