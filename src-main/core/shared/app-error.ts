import type { ErrorCode, FieldIssue, FieldIssuesDetails } from '../../contract/errors';
import { issueSentence } from '../../contract/zod-issues';

/** An expected failure whose message is safe to show to the user. Anything else is `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/**
 * An expected failure about one input field. The field travels as data (`details.issues`) for
 * forms to mark; the message names it too ("amount: At most …", as the dispatcher's do) for logs
 * and for callers without a form, unless `message` gives a sentence that already says which.
 */
export const fieldError = (code: ErrorCode, issue: FieldIssue, message?: string): AppError => {
  const details: FieldIssuesDetails = { issues: [issue] };
  return new AppError(code, message ?? issueSentence(issue), details);
};
