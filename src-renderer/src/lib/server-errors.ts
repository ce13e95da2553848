import { FieldIssuesDetailsSchema, type FieldIssue } from '@contract/errors';
import { errorMessage, isApiError } from '../api/api-error';
import { fieldErrorsOf } from './validate';

/** The fields a failed call complains about, as the core sends them (`details.issues`). */
export function serverIssues(error: unknown): FieldIssue[] {
  if (!isApiError(error)) return [];
  return FieldIssuesDetailsSchema.safeParse(error.details).data?.issues ?? [];
}

/**
 * The per-field messages of a failed call, keyed by the full dotted path ("validity.count"); the
 * first message per field wins. Ready for a form's `setErrors`.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return fieldErrorsOf(serverIssues(error));
}

/** The server's message for `field` or anything under it (`burst` matches `burst.downKbps`). */
export function serverFieldError(error: unknown, field: string): string | undefined {
  const all = serverFieldErrors(error);
  if (all[field] !== undefined) return all[field];
  const nested = Object.keys(all).find((k) => k.startsWith(`${field}.`));
  return nested === undefined ? undefined : all[nested];
}

/**
 * What to show above a form: nothing when the form shows every issue next to its field (one of
 * `fields`, or under it), otherwise the whole message.
 */
export function serverFormError(error: unknown, fields: readonly string[]): string | null {
  if (error === null || error === undefined) return null;
  const issues = serverIssues(error);
  const shown = (issue: FieldIssue) => {
    const key = issue.path.join('.');
    return fields.some((f) => key === f || key.startsWith(`${f}.`));
  };
  if (issues.length > 0 && issues.every(shown)) return null;
  return errorMessage(error);
}
