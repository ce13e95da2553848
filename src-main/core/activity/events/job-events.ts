import { defineEvent } from '../define-event';

type Run = { job: string; duration: string };
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${String(n)} times`);

/**
 * Scheduled tasks (category scheduled_task). Every run of a real job (auto-sync, expiry,
 * checkpoint, log maintenance, backup) writes `job.completed` or `job.failed`; frequent ticks
 * write only `job.failed` when they start failing and `job.recovered` when they work again.
 * A run started by staff ("Run now") is theirs: `job.run_by_staff`, with them as the actor.
 */
export const jobEvents = {
  'job.completed': defineEvent<Run & { summary: string }>(
    'system',
    'scheduled_task',
    'success',
    (p) => `Scheduled task "${p.job}" completed in ${p.duration}: ${p.summary}`,
  ),
  'job.failed': defineEvent<Run & { error: string; failures: number }>(
    'system',
    'scheduled_task',
    'failure',
    (p) =>
      `Scheduled task "${p.job}" failed after ${p.duration}: ${p.error}` +
      (p.failures > 1 ? ` (failed ${times(p.failures)} in a row)` : ''),
  ),
  'job.recovered': defineEvent<Run & { failures: number; summary: string }>(
    'system',
    'scheduled_task',
    'success',
    (p) =>
      `Scheduled task "${p.job}" works again after failing ${times(p.failures)} ` +
      `(took ${p.duration}): ${p.summary}`,
  ),
  'job.run_by_staff': defineEvent<Run & { by: string; ok: boolean; result: string }>(
    'user',
    'scheduled_task',
    'success',
    (p) =>
      p.ok
        ? `${p.by} ran scheduled task "${p.job}" now: completed in ${p.duration}: ${p.result}`
        : `${p.by} ran scheduled task "${p.job}" now: failed after ${p.duration}: ${p.result}`,
  ),
  'backup.settings_updated': defineEvent<{ by: string; changes: string }>(
    'administrative',
    'network',
    'success',
    (p) => `${p.by} changed backup settings: ${p.changes}`,
  ),
};
