import { z } from 'zod';

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

/**
 * One problem with one input field: where it is in the call's input (`["validity", "count"]`)
 * and a sentence for people that does not repeat the field's name ("Amount is too large").
 */
export const FieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/**
 * The `details` of an error about the input's fields (every `validation` error from the
 * dispatcher, and service errors that concern a field, whatever their code): the fields as data,
 * so that forms mark them without reading the message.
 */
export const FieldIssuesDetailsSchema = z.object({ issues: z.array(FieldIssueSchema) });
export type FieldIssuesDetails = z.infer<typeof FieldIssuesDetailsSchema>;
