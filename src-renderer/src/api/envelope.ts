import { z } from 'zod';
import { ERROR_CODES } from '@contract/errors';
import type { ErrorCode, Result, SerializedError } from '@contract/errors';

const errorCodes: readonly string[] = ERROR_CODES;
const isErrorCode = (code: string): code is ErrorCode => errorCodes.includes(code);

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);

export const failure = (code: ErrorCode, message: string, details?: unknown): Result<never> => {
  const error: SerializedError =
    details === undefined ? { code, message } : { code, message, details };
  return { ok: false, error };
};

/**
 * Checks that something received from the main side is a Result envelope. Anything else (a proxy's
 * HTML error page, a half-written body) becomes an `internal` failure rather than a crash.
 */
export const toEnvelope = (raw: unknown): Result<unknown> => {
  const parsed = EnvelopeSchema.safeParse(raw);
  if (!parsed.success) return failure('internal', 'The server sent an unexpected response.');
  const envelope = parsed.data;
  if (envelope.ok) return { ok: true, value: envelope.value };
  const { code, message, details } = envelope.error;
  return failure(isErrorCode(code) ? code : 'internal', message, details);
};

/** Best guess at an error code from an HTTP status, for bodies that are not envelopes. */
export const codeForStatus = (status: number): ErrorCode => {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status === 507) return 'storage_full';
  return 'internal';
};

export const UNREACHABLE_MESSAGE =
  'Cannot reach the ISP Desk server. Check the connection and try again.';
