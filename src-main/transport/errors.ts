import { z } from 'zod';
import type { FieldIssuesDetails, Result, SerializedError } from '../contract/errors';
import { describeIssues, fieldIssuesOf } from '../contract/zod-issues';
import { isAppError } from '../core/shared/app-error';
import type { Logger } from '../core/shared/logger';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../core/shared/storage-full';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: SerializedError['code'],
  message: string,
  details?: unknown,
): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * A failed input check: every issue as data for forms (`details.issues`), the first five as one
 * readable sentence, e.g. "password: Password must be at least 10 characters".
 */
export const invalidInput = (e: z.ZodError): Result<never> => {
  const details: FieldIssuesDetails = { issues: fieldIssuesOf(e) };
  return fail('validation', describeIssues(details.issues), details);
};

/**
 * Expected errors keep their code and message; a full disk says so (`storage_full`); anything
 * else is logged and hidden.
 */
export const toFailure = (e: unknown, logger: Logger, procedure: string): Result<never> => {
  if (isAppError(e)) return fail(e.code, e.message, e.details);
  if (e instanceof z.ZodError) return invalidInput(e);
  if (isStorageFull(e)) {
    logger.error(`${procedure} failed: the disk is full`, {
      error: e instanceof Error ? e.message : String(e),
    });
    return fail('storage_full', STORAGE_FULL_MESSAGE);
  }
  logger.error(`${procedure} failed`, {
    error: e instanceof Error ? (e.stack ?? e.message) : String(e),
  });
  return fail('internal', 'Something went wrong; the error has been logged.');
};
