import type { Job, JobName, JobRun, JobTrigger } from '../../contract/schemas/jobs';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import type { RunHistory } from '../insights/run-history';
import type { Scheduler } from '../scheduler/scheduler';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import type { Logger } from '../shared/logger';
import type { JobDefinition } from './job-definition';
import { jobLogEvent } from './job-log-policy';
import type { JobState, JobStateRepo } from './job-state.repo';
import { formatDuration, plainError } from './job-log-format';

/** Spread runs of jobs that share a period (see scheduler.ts). */
const JITTER = 0.1;

type Slot = {
  def: JobDefinition;
  state: JobState;
  running: { startedAt: number; done: Promise<void> } | null;
};

/**
 * Every background job by name: schedules them on the one scheduler, runs each at most once at a
 * time (a scheduled tick skips a job that staff started, "Run now" refuses a job already running),
 * keeps and persists each job's last run, and logs runs to the activity log (job-log-policy.ts).
 * `stop()` refuses new runs, aborts the running ones and waits for them.
 */
export const createJobRegistry = (deps: {
  scheduler: Scheduler;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  repo: JobStateRepo;
  /** Every run's duration for the Insights screen (insights/run-history.ts). */
  history: RunHistory;
  logger: Logger;
  systemMeta: () => RequestMeta;
}) => {
  const { clock } = deps;
  const slots = new Map<JobName, Slot>();
  const controller = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let startedAt: number | null = null;

  const slotOf = (name: JobName): Slot => {
    const slot = slots.get(name);
    if (!slot) throw new AppError('not_found', `There is no job "${name}".`);
    return slot;
  };

  const enabled = (s: Slot) => s.def.enabled?.() ?? true;

  /** When the job's interval has passed (null: no interval, or due at once). */
  const intervalDueAt = (s: Slot): number | null => {
    if (!s.def.intervalMs) return null;
    const base =
      s.state.lastRun?.startedAt ?? (s.def.firstRun === 'after_interval' ? startedAt : null);
    return base === null ? null : base + s.def.intervalMs();
  };

  const isDue = (s: Slot): boolean => {
    const at = intervalDueAt(s);
    return (at === null || clock.now() >= at) && (s.def.isDue?.() ?? true);
  };

  const record = (
    s: Slot,
    run: JobRun,
    failuresBefore: number,
    meta: RequestMeta,
    by: Actor | null,
  ) => {
    const event = jobLogEvent(s.def.kind, run.trigger, run.outcome, failuresBefore);
    const next: JobState = {
      lastRun: run,
      lastSuccessAt: run.outcome === 'success' ? run.startedAt : s.state.lastSuccessAt,
      consecutiveFailures: run.outcome === 'success' ? 0 : failuresBefore + 1,
    };
    s.state = next;
    // Runs worth an entry are kept one by one with it; scheduled ticks are added up per hour.
    const kept = s.def.kind === 'task' || run.trigger === 'staff';
    if (!kept) deps.history.tick(s.def.name, run);
    // A tick that succeeds as usual changes nothing worth a write (it runs every few seconds).
    if (event === null && s.def.kind === 'tick') return;
    const duration = formatDuration(run.durationMs);
    const job = s.def.label;
    const text = run.summary ?? run.error ?? '';
    const base = {
      ctx: { ...meta, actor: by },
      target: { type: 'job', id: s.def.name, label: job },
      details: {
        job: s.def.name,
        trigger: run.trigger,
        durationMs: run.durationMs,
        outcome: run.outcome,
        ...(run.summary !== null ? { summary: run.summary } : {}),
        ...(run.error !== null ? { error: run.error } : {}),
        consecutiveFailures: next.consecutiveFailures,
      },
    };
    try {
      deps.write(() => {
        deps.repo.save(s.def.name, next, clock.now());
        if (kept) deps.history.kept(s.def.name, run);
        if (event === 'job.completed') {
          deps.recorder.record({ event, params: { job, duration, summary: text }, ...base });
        } else if (event === 'job.failed') {
          const failures = next.consecutiveFailures;
          deps.recorder.record({
            event,
            params: { job, duration, error: text, failures },
            ...base,
          });
        } else if (event === 'job.recovered') {
          const params = { job, duration, failures: failuresBefore, summary: text };
          deps.recorder.record({ event, params, ...base });
        } else if (event === 'job.run_by_staff') {
          const params = {
            job,
            duration,
            by: by?.username ?? 'staff',
            ok: run.outcome === 'success',
            result: text,
          };
          deps.recorder.record({ event, params, outcome: run.outcome, ...base });
        }
      });
    } catch (e) {
      deps.logger.error(`could not record the run of job ${s.def.name}`, {
        error: e instanceof Error ? e.message : String(e),
      });
    }
  };

  const execute = async (
    s: Slot,
    trigger: JobTrigger,
    meta: RequestMeta,
    by: Actor | null,
    signal: AbortSignal,
  ): Promise<void> => {
    const started = clock.now();
    let release = () => {};
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    s.running = { startedAt: started, done };
    inFlight.add(done);
    try {
      let summary: string | null = null;
      let error: string | null = null;
      try {
        summary = await s.def.run({ signal, meta, trigger });
      } catch (e) {
        if (signal.aborted) {
          // Stopped on the way out or cancelled: not a failure of the job; nothing is written
          // here (a cancel is logged by the task registry).
          deps.logger.info(`job ${s.def.name} stopped (the app is stopping or it was cancelled)`);
          return;
        }
        error = plainError(e);
      }
      const run: JobRun = {
        startedAt: started,
        durationMs: Math.max(0, clock.now() - started),
        outcome: error === null ? 'success' : 'failure',
        summary,
        error,
        trigger,
        actor: by?.displayName ?? null,
      };
      record(s, run, s.state.consecutiveFailures, meta, by);
    } finally {
      s.running = null;
      inFlight.delete(done);
      release();
    }
  };

  const view = (s: Slot): Job => {
    const nextIn = deps.scheduler.nextIn(s.def.name);
    let nextRunAt: number | null = null;
    if (startedAt !== null && !controller.signal.aborted && s.running === null && enabled(s)) {
      const tickAt = nextIn === undefined ? null : Math.ceil(clock.now() + nextIn);
      const dueAt = intervalDueAt(s);
      nextRunAt = tickAt === null ? null : dueAt === null ? tickAt : Math.max(tickAt, dueAt);
    }
    return {
      name: s.def.name,
      label: s.def.label,
      kind: s.def.kind,
      schedule: enabled(s) ? s.def.schedule() : 'off',
      enabled: enabled(s),
      running: s.running !== null,
      runningSince: s.running?.startedAt ?? null,
      lastRun: s.state.lastRun,
      lastSuccessAt: s.state.lastSuccessAt,
      consecutiveFailures: s.state.consecutiveFailures,
      nextRunAt,
    };
  };

  return {
    define: (def: JobDefinition): void => {
      if (slots.has(def.name)) throw new Error(`job ${def.name} is defined twice`);
      slots.set(def.name, { def, state: deps.repo.get(def.name), running: null });
    },

    /**
     * Schedules every defined job, or those named in `only` (the app; most tests drive jobs by
     * hand instead).
     */
    start: (only?: readonly string[]): void => {
      if (startedAt !== null) return;
      startedAt = clock.now();
      for (const s of slots.values()) {
        if (only && !only.includes(s.def.name)) continue;
        deps.scheduler.every(
          s.def.name,
          s.def.tickMs,
          async (signal) => {
            if (controller.signal.aborted || s.running !== null || !enabled(s) || !isDue(s)) {
              return;
            }
            const both = AbortSignal.any([signal, controller.signal]);
            await execute(s, 'schedule', deps.systemMeta(), null, both);
          },
          { jitter: JITTER },
        );
      }
    },

    list: (): Job[] => [...slots.values()].map(view),

    get: (name: JobName): Job => view(slotOf(name)),

    /**
     * Runs a job for a staff member and answers the job as it is after the run. Refused while
     * the job runs (it is not queued: the screen shows the running run's result when it ends).
     */
    runNow: async (
      name: JobName,
      ctx: ServiceContext & { actor: Actor },
      /** Cancels the run (tasks.cancel): nothing is recorded for it and `runNow` rejects. */
      cancel?: AbortSignal,
    ): Promise<Job> => {
      const s = slotOf(name);
      if (controller.signal.aborted) {
        throw new AppError('unavailable', 'The app is shutting down; no job can start now.');
      }
      if (s.running !== null) {
        throw new AppError(
          'conflict',
          `"${s.def.label}" is already running; its result will show when it finishes.`,
        );
      }
      const meta: RequestMeta = {
        ip: ctx.ip,
        workstation: ctx.workstation,
        correlationId: ctx.correlationId,
      };
      const signal = cancel ? AbortSignal.any([controller.signal, cancel]) : controller.signal;
      await execute(s, 'staff', meta, ctx.actor, signal);
      cancel?.throwIfAborted();
      return view(s);
    },

    /** Refuses new runs, aborts the running ones and waits for them to end. */
    stop: async (): Promise<void> => {
      controller.abort();
      await Promise.allSettled([...inFlight]);
      deps.history.flush();
    },
  };
};

export type JobRegistry = ReturnType<typeof createJobRegistry>;
