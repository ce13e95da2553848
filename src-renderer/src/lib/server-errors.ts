import { errorMessage, fieldIssues, isApiError } from '../api/api-error';

const FIELD_SENTENCE = /^([A-Za-z_][\w]*(?:\.[\w]+)*):\s+(.+)$/s;

/**
 * The per-field messages of a failed call. The core writes them into the message as
 * `field: sentence` parts joined by `; ` (e.g. "amount: At most USD 5.00 …"); structured
 * `details` are read as well. Keys are the full dotted path ("validity.count").
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const issue of fieldIssues(error)) {
    const key = issue.path.join('.');
    if (key && !(key in out)) out[key] = issue.message;
  }
  for (const part of error.message.split(/;\s+/)) {
    const m = FIELD_SENTENCE.exec(part.trim());
    const key = m?.[1];
    const text = m?.[2];
    if (key !== undefined && text !== undefined && !(key in out)) out[key] = text;
  }
  return out;
}

/** The server's message for `field` or anything under it (`burst` matches `burst.downKbps`). */
export function serverFieldError(error: unknown, field: string): string | undefined {
  const all = serverFieldErrors(error);
  if (all[field] !== undefined) return all[field];
  const nested = Object.keys(all).find((k) => k.startsWith(`${field}.`));
  return nested === undefined ? undefined : all[nested];
}

/**
 * What to show above a form: nothing when every part of the message belongs to a field the form
 * shows next to that field, otherwise the whole message.
 */
export function serverFormError(error: unknown, fields: readonly string[]): string | null {
  if (error === null || error === undefined) return null;
  const named = Object.keys(serverFieldErrors(error));
  const parts = isApiError(error) ? error.message.split(/;\s+/).length : 1;
  const shown = named.filter((k) => fields.some((f) => k === f || k.startsWith(`${f}.`)));
  if (shown.length > 0 && shown.length >= parts) return null;
  return errorMessage(error);
}
