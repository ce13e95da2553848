import { OWASP_SCRYPT, type ScryptParams } from './password-hash';

export type AuthPolicy = {
  scrypt: ScryptParams;
  /** A session unused this long ends (OWASP: 15–30 min for this kind of application). */
  idleTimeoutMs: number;
  /** A session ends this long after sign-in whatever happens (one office shift). */
  absoluteLifetimeMs: number;
  /** Consecutive failures that lock an account; each further failure doubles the lock. */
  lockAfterFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures from one address before its sign-in attempts are slowed down. */
  slowIpAfterFailures: number;
  maxIpDelayMs: number;
  ipFailureWindowMs: number;
  /** Password checks (sign-in, setup, password change) in progress per address, and in all. */
  maxSignInsPerAddress: number;
  maxSignInsInProgress: number;
};

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  scrypt: OWASP_SCRYPT,
  idleTimeoutMs: 30 * 60_000,
  absoluteLifetimeMs: 12 * 60 * 60_000,
  lockAfterFailures: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  slowIpAfterFailures: 3,
  maxIpDelayMs: 8_000,
  ipFailureWindowMs: 15 * 60_000,
  maxSignInsPerAddress: 2,
  maxSignInsInProgress: 8,
};

export const lockDurationMs = (policy: AuthPolicy, failures: number): number =>
  Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (failures - policy.lockAfterFailures));
