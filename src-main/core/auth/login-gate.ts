import { AppError } from '../shared/app-error';
import type { AuthPolicy } from './auth-policy';
import type { createIpThrottle } from './ip-throttle';

/** Holds one admitted attempt's place; `release` once it has finished, whatever the outcome. */
export type Admission = { waitMs: number; release: () => void };

/**
 * Admission for everything that checks a password (sign-in, first-run setup, password change):
 * at most a few in progress per address and in total, so a flood cannot queue up hundreds of
 * ~300 ms hashes; the excess is answered at once with `rate_limited` and a retry-after. An
 * address that keeps failing is slowed down here, at admission: its attempts start one delay
 * apart, so parallel requests cannot run faster than sequential ones.
 */
export const createLoginGate = (
  policy: AuthPolicy,
  throttle: ReturnType<typeof createIpThrottle>,
  now: () => number,
) => {
  const inProgress = new Map<string, number>();
  /** When the latest admitted attempt of an address may start (its slot). */
  const lastStart = new Map<string, number>();
  let total = 0;

  const refuse = (waitMs: number) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new AppError(
      'rate_limited',
      `Too many sign-in attempts at once. Try again in ${String(seconds)} s.`,
      { retryAfterSeconds: seconds },
    );
  };

  return {
    /** Admits one attempt from `ip`, or throws `rate_limited` at once. */
    admit: (ip: string): Admission => {
      const t = now();
      const delay = throttle.delayMs(ip);
      const mine = inProgress.get(ip) ?? 0;
      const start = Math.max(t, lastStart.get(ip) ?? 0) + delay;
      if (mine >= policy.maxSignInsPerAddress) throw refuse(start - t);
      if (total >= policy.maxSignInsInProgress) throw refuse(1000);
      inProgress.set(ip, mine + 1);
      total += 1;
      if (delay > 0) lastStart.set(ip, start);
      let released = false;
      return {
        waitMs: start - t,
        release: () => {
          if (released) return;
          released = true;
          total -= 1;
          const left = (inProgress.get(ip) ?? 1) - 1;
          if (left > 0) inProgress.set(ip, left);
          else {
            inProgress.delete(ip);
            lastStart.delete(ip); // every admitted attempt has started: no slot to keep
          }
        },
      };
    },
  };
};

export type LoginGate = ReturnType<typeof createLoginGate>;
