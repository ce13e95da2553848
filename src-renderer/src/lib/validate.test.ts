import { describe, expect, it } from 'vitest';
import { RefundInput } from '@contract/schemas/billing';
import { CreatePlanInput } from '@contract/schemas/plans';
import { checkInput, validateFields } from './validate';

describe('form pre-checks with the contract’s schemas', () => {
  it('returns the input as the server will read it when the schema accepts it', () => {
    expect(
      checkInput(RefundInput, { paymentId: 4, amount: 1_500, reason: '  Double charge ' }),
    ).toEqual({ ok: true, input: { paymentId: 4, amount: 1_500, reason: 'Double charge' } });
  });

  it('gives the schema’s own words per field, first message first, never a zod code', () => {
    const checked = checkInput(RefundInput, { paymentId: 4, amount: 0, reason: ' ab ' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        amount: 'Amount must be greater than zero',
        reason: 'A reason is required (at least 3 characters)',
      },
    });
  });

  it('keys nested fields by their dotted path, or by the top-level field for validateFields', () => {
    const plan = {
      name: 'Home',
      serviceType: 'pppoe',
      rateDownKbps: 10_000,
      rateUpKbps: 5_000,
      price: 1_000,
      validity: { unit: 'months', count: 0 },
      routerProfile: 'home',
      expiryAction: 'disable',
      graceDays: 0,
    };
    const checked = checkInput(CreatePlanInput, plan);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(['validity.count']);
    expect(Object.keys(validateFields(CreatePlanInput, plan))).toEqual(['validity']);
  });
});
