/** Error codes that may cross the boundary. The renderer switches on these; keep the list closed. */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  /** The session's account must change its temporary password before doing anything else. */
  'password_change_required',
  'not_found',
  'conflict',
  'invalid_credentials',
  'rate_limited',
  'payload_too_large',
  'unavailable',
  /** The disk holding the data folder is full (SQLITE_FULL, ENOSPC, SQLite I/O errors). */
  'storage_full',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type SerializedError = { code: ErrorCode; message: string; details?: unknown };

/** The envelope every call returns, over IPC and over HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SerializedError };
