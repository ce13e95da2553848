import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export type ScryptParams = { N: number; r: number; p: number };

/** OWASP Password Storage Cheat Sheet: N=2^15, r=8, p=3 is one of the scrypt minimums (≈300 ms). */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_LENGTH = 32;

/** The slow part of hashing and checking a password: scrypt of the password and a salt. */
export type DeriveKey = (password: string, salt: Buffer, params: ScryptParams) => Promise<Buffer>;

const scryptOptions = (params: ScryptParams): ScryptOptions => ({
  N: params.N,
  r: params.r,
  p: params.p,
  // Node's default limit (32 MiB) refuses N ≥ 2^15 with r=8; scrypt needs 128·N·r bytes.
  maxmem: 256 * params.N * params.r + 1024 * 1024,
});

/** scrypt on the calling thread: only for a thread that does nothing else (hash-worker.ts). */
export const deriveKeySync = (password: string, salt: Buffer, params: ScryptParams): Buffer =>
  scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, scryptOptions(params));

/**
 * scrypt on libuv's shared thread pool (which file and other I/O also use): for the CLI and unit
 * tests. The app hashes on its own bounded threads instead (hash-pool.ts).
 */
export const deriveOnLibuv: DeriveKey = (password, salt, params) =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, scryptOptions(params), (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

/**
 * The sentence refusing `password` as too easy to guess for someone who knows the account's
 * `names`, or null when it is strong enough: contract/password-strength.ts's rule, whose
 * dictionaries (~150 ms and ~20 MB to load) and estimator (up to ~200 ms to build, ~100 ms a
 * check) the app keeps off its main thread.
 */
export type JudgeStrength = (password: string, names: readonly string[]) => Promise<string | null>;

/** The CPU work behind a PasswordHasher: the app's hashing threads (hash-pool.ts), or none. */
export type PasswordWork = { derive: DeriveKey; weakPasswordMessage: JudgeStrength };

/**
 * Without hashing threads (the CLI, unit tests): scrypt on libuv's pool, and the strength rule on
 * the calling thread, loaded on first use.
 */
export const WITHOUT_THREADS: PasswordWork = {
  derive: deriveOnLibuv,
  weakPasswordMessage: async (password, names) =>
    (await import('../../contract/password-strength')).weakPasswordMessage(password, names),
};

const parse = (stored: string) => {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return null;
  return { params: { N: Number(n), r: Number(r), p: Number(p) }, salt, hash };
};

export type PasswordHasher = {
  /** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
  hash: (password: string, params: ScryptParams) => Promise<string>;
  verify: (password: string, stored: string) => Promise<boolean>;
  /** Judges a new password before it is hashed (see password-policy.ts). */
  weakPasswordMessage: JudgeStrength;
};

/** Hashing, checking and judging passwords with the given work (a thread pool's, or none). */
export const createPasswordHasher = ({
  derive,
  weakPasswordMessage,
}: PasswordWork): PasswordHasher => ({
  weakPasswordMessage,
  hash: async (password, params) => {
    const salt = randomBytes(16);
    const key = await derive(password, salt, params);
    return [
      'scrypt',
      params.N,
      params.r,
      params.p,
      salt.toString('base64'),
      key.toString('base64'),
    ].join('$');
  },
  verify: async (password, stored) => {
    const parsed = parse(stored);
    if (!parsed) return false;
    const expected = Buffer.from(parsed.hash, 'base64');
    const actual = await derive(password, Buffer.from(parsed.salt, 'base64'), parsed.params);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  },
});

/** True when the stored hash was made with other (older) parameters: rehash at the next login. */
export const needsRehash = (stored: string, params: ScryptParams): boolean => {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.params.N !== params.N ||
    parsed.params.r !== params.r ||
    parsed.params.p !== params.p
  );
};
