import { uptime } from 'node:os';

export type Clock = {
  /** Wall-clock epoch milliseconds: timestamps, expiry dates. */
  now(): number;
  /** Resolves after `ms`; injected so that tests do not wait for real. */
  sleep(ms: number): Promise<void>;
  /**
   * Milliseconds since the machine started, sleep included, unmoved when someone sets the clock:
   * the yardstick that tells a clock change from time passing. Absent: clock changes go unseen.
   */
  uptimeMs?(): number;
};

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  uptimeMs: () => uptime() * 1_000,
};
