import type { Logger } from '../shared/logger';

export type Task = (signal: AbortSignal) => Promise<void> | void;

/**
 * The one place background work is timed. Each job runs at start + k·period (self-correcting:
 * a slow run or a blocked event loop does not make it drift), skips slots it missed instead of
 * bursting, never overlaps itself, and stops cleanly: `stop()` clears timers, aborts running
 * tasks and waits for them.
 */
export const createScheduler = (deps: { logger: Logger; now?: () => number }) => {
  const now = deps.now ?? (() => performance.now());
  const controller = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const every = (name: string, periodMs: number, task: Task): void => {
    const start = now();
    let k = 0;
    const arm = () => {
      if (controller.signal.aborted) return;
      k = Math.max(k + 1, Math.ceil((now() - start) / periodMs));
      const timer = setTimeout(
        () => {
          timers.delete(timer);
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
        },
        Math.max(0, start + k * periodMs - now()),
      );
      timers.add(timer);
    };
    arm();
  };

  return {
    every,
    stop: async (): Promise<void> => {
      controller.abort();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
};

export type Scheduler = ReturnType<typeof createScheduler>;
