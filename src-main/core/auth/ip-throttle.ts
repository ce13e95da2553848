import type { AuthPolicy } from './auth-policy';

/**
 * Slows down sign-in attempts from an address that keeps failing: 250 ms, then doubling per
 * failure up to a cap. In memory: a restart forgets it, while account lockouts (in the database)
 * persist.
 */
export const createIpThrottle = (policy: AuthPolicy, now: () => number) => {
  const failures = new Map<string, { count: number; last: number }>();
  const current = (ip: string) => {
    const f = failures.get(ip);
    if (!f) return 0;
    if (now() - f.last > policy.ipFailureWindowMs) {
      failures.delete(ip);
      return 0;
    }
    return f.count;
  };
  return {
    delayMs(ip: string): number {
      const excess = current(ip) - policy.slowIpAfterFailures;
      return excess < 0 ? 0 : Math.min(policy.maxIpDelayMs, 250 * 2 ** excess);
    },
    failed(ip: string): void {
      failures.set(ip, { count: current(ip) + 1, last: now() });
    },
    succeeded(ip: string): void {
      failures.delete(ip);
    },
  };
};
