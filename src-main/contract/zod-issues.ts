import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** zod's issues as the contract's field issues: the path (symbols dropped) and the schema's message. */
export const fieldIssuesOf = (e: z.ZodError): FieldIssue[] =>
  e.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));

/** One issue as a sentence for logs and for forms that do not show its field: "amount: Too large". */
export const issueSentence = (issue: FieldIssue): string =>
  issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;

/** The first `limit` issues as one readable sentence, parts joined by "; ". */
export const describeIssues = (issues: readonly FieldIssue[], limit = 5): string =>
  issues.slice(0, limit).map(issueSentence).join('; ');
