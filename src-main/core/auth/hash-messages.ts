import type { ScryptParams } from './password-hash';

/** One scrypt for a hashing thread (hash-pool.ts → hash-worker.ts). */
export type HashRequest = { id: number; password: string; salt: Uint8Array; params: ScryptParams };
export type HashReply =
  { id: number; ok: true; key: Uint8Array } | { id: number; ok: false; message: string };
