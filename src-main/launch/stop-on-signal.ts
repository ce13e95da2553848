import { consoleLogger, type Logger } from '../core/shared/logger';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export type StopOnSignal = {
  /**
   * Tracks something being opened during start-up; once it is open, `close` becomes a step of
   * the stop (steps run last-opened first). A stop that arrives meanwhile waits for it.
   */
  opening<T>(name: string, open: Promise<T>, close: (opened: T) => Promise<void>): Promise<T>;
  /** Whether a stop was asked for (start-up then goes no further). */
  requested(): boolean;
  /**
   * Runs every step, each whatever the one before did; resolves when all have run. With a
   * reason, says so first ("ISP Desk stopping (SIGTERM)").
   */
  stop(reason: string | null): Promise<void>;
};

/**
 * Installed first thing in a process: SIGINT, SIGTERM or SIGHUP at any moment after start stops
 * it cleanly (what is open is closed, the data folder unlocked), then it exits with 0.
 */
export const stopOnSignal = (opts: {
  say: (line: string) => void;
  exit: (code: number) => void;
  logger?: Logger;
}): StopOnSignal => {
  const logger = opts.logger ?? consoleLogger;
  const steps: Array<{ name: string; close: () => Promise<void> }> = [];
  const pending = new Set<Promise<unknown>>();
  let stopping: Promise<void> | null = null;

  const stop = (reason: string | null): Promise<void> => {
    stopping ??= (async () => {
      if (reason) opts.say(`ISP Desk stopping (${reason})`);
      while (pending.size > 0) await Promise.allSettled([...pending]);
      for (const step of steps.reverse()) {
        try {
          await step.close();
        } catch (e) {
          logger.error(`stopping: ${step.name} failed`, { error: (e as Error).message });
        }
      }
    })();
    return stopping;
  };

  for (const signal of SIGNALS) {
    process.on(signal, () => {
      void stop(signal).then(() => opts.exit(0));
    });
  }

  return {
    opening: (name, open, close) => {
      const tracked = open.then((opened) => {
        steps.push({ name, close: () => close(opened) });
        return opened;
      });
      pending.add(tracked);
      void tracked.then(
        () => pending.delete(tracked),
        () => pending.delete(tracked),
      );
      return tracked;
    },
    requested: () => stopping !== null,
    stop,
  };
};
