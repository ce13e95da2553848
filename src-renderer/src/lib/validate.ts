import type { z } from 'zod';

export type FieldErrors<T> = Partial<Record<keyof T & string, string>>;

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
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && !(field in errors)) errors[field] = issue.message;
  }
  return errors as FieldErrors<T>;
}

export const hasErrors = (errors: Record<string, string | undefined>): boolean =>
  Object.values(errors).some((e) => e !== undefined);
