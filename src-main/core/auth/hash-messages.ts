import type { ScryptParams } from './password-hash';

/**
 * The CPU work a hashing thread does (hash-pool.ts → hash-worker.ts), one task at a time:
 * `derive` is one scrypt of a password and a salt; `strength` judges a new password with the
 * account's names as known words (contract/password-strength.ts), answering the sentence that
 * refuses it, or null when it is strong enough.
 */
export type HashTask =
  | { kind: 'derive'; password: string; salt: Uint8Array; params: ScryptParams }
  | { kind: 'strength'; password: string; names: string[] };
export type HashRequest = HashTask & { id: number };

/** A task's answer, of the task's kind. */
export type HashAnswer =
  { kind: 'derive'; key: Uint8Array } | { kind: 'strength'; refusal: string | null };
export type HashReply =
  (HashAnswer & { id: number; ok: true }) | { id: number; ok: false; message: string };
