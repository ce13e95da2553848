import type { z } from 'zod';
import type { FieldIssue } from '@contract/errors';
import { fieldIssuesOf } from '@contract/zod-issues';

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

/** The first message for each field, keyed by its dotted path ("validity.count"). */
export function fieldErrorsOf(issues: readonly FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.join('.');
    if (key !== '' && !(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The first message for each top-level field ("validity", not "validity.count"). */
export const topFieldErrors = (issues: readonly FieldIssue[]): Record<string, string> =>
  fieldErrorsOf(issues.map((i) => ({ ...i, path: i.path.slice(0, 1) })));

/** Adds the `found` messages of fields that have none yet: a problem found first wins. */
export function addFieldErrors<K extends string>(
  errors: Partial<Record<K, string>>,
  found: Record<string, string>,
): void {
  for (const [key, message] of Object.entries(found)) {
    const field = key as K;
    if (errors[field] === undefined) errors[field] = message;
  }
}

/**
 * Checks form values against a contract schema before sending, for immediate feedback. The server
 * validates again; its answer wins. Returns the first message per top-level field.
 */
export function validateFields<T extends Record<string, unknown>>(
  schema: z.ZodType,
  values: T,
): FieldErrors<T> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  return topFieldErrors(fieldIssuesOf(result.error)) as FieldErrors<T>;
}

/** A form's input checked by the contract: the parsed input to send, or a message per field. */
export type CheckedInput<T> =
  { ok: true; input: T } | { ok: false; errors: Record<string, string> };

/**
 * Checks a call's input with the procedure's own schema before sending. The input comes back as
 * the schema parses it (text trimmed, as the server will store it); a failure gives the first
 * message per field, keyed by the dotted path, the same keys as the server's `details.issues`.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): CheckedInput<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, input: result.data }
    : { ok: false, errors: fieldErrorsOf(fieldIssuesOf(result.error)) };
}

export const hasErrors = (errors: Record<string, string | undefined>): boolean =>
  Object.values(errors).some((e) => e !== undefined);
