import type { ErrorCode } from '@contract/errors';

/** A failed call, as the renderer sees it: the server's code and its user-facing message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** A message fit for the user, whatever was thrown. */
export const errorMessage = (error: unknown): string => {
  if (isApiError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
};

export type FieldIssue = { path: string[]; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const toIssue = (raw: unknown): FieldIssue | null => {
  if (!isRecord(raw) || typeof raw.message !== 'string') return null;
  const path = Array.isArray(raw.path)
    ? raw.path.map(String)
    : typeof raw.path === 'string'
      ? raw.path.split('.').filter(Boolean)
      : typeof raw.field === 'string'
        ? [raw.field]
        : [];
  return { path, message: raw.message };
};

/**
 * The per-field problems in a `validation` error, read tolerantly: `details` may be a list of
 * issues, `{ issues: [...] }` (zod style, `path` as array or dotted string), or
 * `{ fieldErrors: { name: [messages] } }` (zod's flatten()).
 */
export const fieldIssues = (error: unknown): FieldIssue[] => {
  if (!isApiError(error) || error.code !== 'validation') return [];
  const details = error.details;
  const list: unknown = Array.isArray(details)
    ? details
    : isRecord(details)
      ? details.issues
      : null;
  if (Array.isArray(list)) return list.map(toIssue).filter((i): i is FieldIssue => i !== null);
  if (isRecord(details) && isRecord(details.fieldErrors)) {
    return Object.entries(details.fieldErrors).flatMap(([field, messages]) =>
      Array.isArray(messages)
        ? messages
            .filter((m) => typeof m === 'string')
            .map((message) => ({ path: [field], message }))
        : [],
    );
  }
  return [];
};

/** The first message about `field` (matched against the last path segment, or any segment). */
export const fieldError = (error: unknown, field: string): string | undefined =>
  fieldIssues(error).find((issue) => issue.path.includes(field))?.message;

/**
 * The message to show above a form: the error's message unless it is a validation error that
 * names one of the form's `fields` (then the message is shown next to that field instead).
 */
export const formError = (error: unknown, fields: readonly string[]): string | null => {
  if (error === null || error === undefined) return null;
  if (fields.some((f) => fieldError(error, f) !== undefined)) return null;
  return errorMessage(error);
};
