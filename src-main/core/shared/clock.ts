export type Clock = {
  /** Wall-clock epoch milliseconds: timestamps, expiry dates. */
  now(): number;
  /** Resolves after `ms`; injected so that tests do not wait for real. */
  sleep(ms: number): Promise<void>;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
