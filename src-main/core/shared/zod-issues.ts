import type { z } from 'zod';

/** zod issues as "field: message" sentences (the same form the dispatcher reports). */
export const describeIssues = (e: z.ZodError): string[] =>
  e.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
