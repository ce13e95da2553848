import type { Logger } from '../shared/logger';

export type Task = (signal: AbortSignal) => Promise<void> | void;

export type EveryOptions = {
  /**
   * Each run starts up to this fraction of the period after its slot (0.1: up to 10 % late), so
   * that jobs sharing a period do not all fire in the same instant. Never early, so the grid and
   * the no-overlap rule hold.
   */
  jitter?: number;
};

/**
 * The one place background work is timed. Each job runs at start + k·period (self-correcting:
 * a slow run or a blocked event loop does not make it drift), plus optional jitter, skips slots
 * it missed instead of bursting, never overlaps itself, and stops cleanly: `stop()` clears
 * timers, aborts running tasks and waits for them.
 */
export const createScheduler = (deps: {
  logger: Logger;
  now?: () => number;
  /** Jitter source in [0, 1). */
  random?: () => number;
}) => {
  const now = deps.now ?? (() => performance.now());
  const random = deps.random ?? Math.random;
  const controller = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  /** When each armed job fires next, on the `now` clock. */
  const nextAt = new Map<string, number>();

  const every = (name: string, periodMs: number, task: Task, opts: EveryOptions = {}): void => {
    const start = now();
    const jitterMs = Math.max(0, Math.min(opts.jitter ?? 0, 0.5)) * periodMs;
    let k = 0;
    const arm = () => {
      if (controller.signal.aborted) return;
      k = Math.max(k + 1, Math.ceil((now() - start) / periodMs));
      const delay = Math.max(0, start + k * periodMs - now()) + Math.floor(random() * jitterMs);
      nextAt.set(name, now() + delay);
      const timer = setTimeout(() => {
        timers.delete(timer);
        nextAt.delete(name);
        const run = (async () => {
          try {
            await task(controller.signal);
          } catch (e) {
            if (!controller.signal.aborted) {
              deps.logger.error(`scheduled task ${name} failed`, {
                error: e instanceof Error ? e.message : String(e),
              });
            }
          }
        })();
        running.add(run);
        void run.finally(() => {
          running.delete(run);
          arm();
        });
      }, delay);
      timers.add(timer);
    };
    arm();
  };

  return {
    every,
    /** Milliseconds until the job fires next; undefined while it runs, or when not scheduled. */
    nextIn: (name: string): number | undefined => {
      const at = nextAt.get(name);
      return at === undefined ? undefined : Math.max(0, at - now());
    },
    stop: async (): Promise<void> => {
      controller.abort();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      nextAt.clear();
      await Promise.allSettled([...running]);
    },
  };
};

export type Scheduler = ReturnType<typeof createScheduler>;
