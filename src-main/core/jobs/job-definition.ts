import type { JobKind, JobName, JobTrigger } from '../../contract/schemas/jobs';
import type { RequestMeta } from '../shared/context';

export type JobRunContext = {
  /** Aborted when the app stops; long work should give up. */
  signal: AbortSignal;
  /** The run's correlation id: everything the run logs shares it with the task entry. */
  meta: RequestMeta;
  trigger: JobTrigger;
};

/** One background job, as the registry schedules, runs, logs and shows it. */
export type JobDefinition = {
  name: JobName;
  label: string;
  kind: JobKind;
  /** How often the scheduler wakes the job to see whether it is due. */
  tickMs: number;
  /** Minimum time between runs when longer than the tick (fixed, or read from settings). */
  intervalMs?: () => number;
  /**
   * With an interval and no run on record: run at the first tick (`soon`, the default) or one
   * interval after the app started (`after_interval`, e.g. auto-sync reads every router).
   */
  firstRun?: 'soon' | 'after_interval';
  /** An extra condition, e.g. a checkpoint is due after a day or 10 000 entries. */
  isDue?: () => boolean;
  /** False: not scheduled (backups switched off); "Run now" still works. */
  enabled?: () => boolean;
  /** The schedule in words for the screen. */
  schedule: () => string;
  /** Does the work; resolves with a one-line summary, throws when it failed. */
  run: (ctx: JobRunContext) => Promise<string> | string;
};
