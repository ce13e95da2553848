import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { serverFieldError, serverFieldErrors, serverFormError } from './server-errors';

const refused = new ApiError(
  'validation',
  'validity.count: Validity must be at least 1; amount: Amount is too large',
  {
    issues: [
      { path: ['validity', 'count'], message: 'Validity must be at least 1' },
      { path: ['amount'], message: 'Amount is too large' },
      { path: ['amount'], message: 'A second message about the amount' },
    ],
  },
);

describe('server field errors', () => {
  it('reads the fields from details.issues, the first message per field', () => {
    expect(serverFieldErrors(refused)).toEqual({
      'validity.count': 'Validity must be at least 1',
      amount: 'Amount is too large',
    });
    expect(serverFieldError(refused, 'validity')).toBe('Validity must be at least 1');
    expect(serverFieldError(refused, 'reason')).toBeUndefined();
  });

  it('never reads fields out of the sentence', () => {
    const sentenceOnly = new ApiError('validation', 'amount: Amount is too large');
    expect(serverFieldErrors(sentenceOnly)).toEqual({});
    expect(serverFormError(sentenceOnly, ['amount'])).toBe('amount: Amount is too large');
    expect(serverFieldErrors(new Error('amount: nope'))).toEqual({});
  });

  it('shows the message above the form only when a named field is not on it', () => {
    expect(serverFormError(refused, ['amount', 'validity'])).toBeNull();
    expect(serverFormError(refused, ['amount'])).toBe(refused.message);
    expect(serverFormError(null, ['amount'])).toBeNull();
  });
});
