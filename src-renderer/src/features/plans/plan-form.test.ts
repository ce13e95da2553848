import { describe, expect, it } from 'vitest';
import { plan } from '../../test-utils/office-fixtures';
import { EMPTY_PLAN_FORM, planChanges, planFormToInput, planToForm } from './plan-form';
import { formatRate, parseRate, rateToInput } from './rates';

describe('rates', () => {
  it('reads RouterOS-style rates into exact kbit/s', () => {
    expect(parseRate('10M')).toEqual({ ok: true, kbps: 10_000 });
    expect(parseRate('1.5M')).toEqual({ ok: true, kbps: 1500 });
    expect(parseRate('512k')).toEqual({ ok: true, kbps: 512 });
    expect(parseRate('512')).toEqual({ ok: true, kbps: 512 });
    expect(parseRate('1G')).toEqual({ ok: true, kbps: 1_000_000 });
    expect(parseRate('2.5 Mbit/s')).toEqual({ ok: true, kbps: 2500 });
    expect(parseRate('1.0005M').ok).toBe(false);
    expect(parseRate('fast').ok).toBe(false);
    expect(parseRate('-1M').ok).toBe(false);
  });

  it('writes rates back the way they are read', () => {
    for (const kbps of [512, 1500, 10_000, 1_000_000, 2_500_000, 999]) {
      expect(parseRate(rateToInput(kbps))).toEqual({ ok: true, kbps });
    }
    expect(formatRate(10_000)).toBe('10 Mbit/s');
    expect(formatRate(1500)).toBe('1.5 Mbit/s');
    expect(formatRate(512)).toBe('512 kbit/s');
  });
});

describe('the plan form', () => {
  const filled = {
    ...EMPTY_PLAN_FORM,
    name: ' Home 10M ',
    rateDown: '10M',
    rateUp: '2M',
    price: '2,500.50',
    validityCount: '1',
    validityUnit: 'months' as const,
    routerProfile: 'home-10m',
  };

  it('turns the form into an exact create input', () => {
    expect(planFormToInput(filled, 2)).toEqual({
      ok: true,
      input: {
        name: 'Home 10M',
        serviceType: 'pppoe',
        rateDownKbps: 10_000,
        rateUpKbps: 2000,
        burst: null,
        price: 250_050,
        validity: { unit: 'months', count: 1 },
        routerProfile: 'home-10m',
        expiryAction: 'isolate',
        isolationProfile: 'expired',
        isolationAddressList: null,
        graceDays: 0,
      },
    });
  });

  it('reports every bad field, including the contract’s own rules', () => {
    const result = planFormToInput(
      {
        ...filled,
        name: '',
        rateUp: 'lots',
        price: '-3',
        validityCount: '0',
        routerProfile: 'bad "quote"',
        isolationProfile: '',
        burstEnabled: true,
        burstDown: '20M',
        burstUp: '',
        thresholdDown: '8M',
        thresholdUp: '1M',
      },
      2,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Name is required',
        rateUpKbps: 'Write a rate such as 512k, 10M or 1G',
        'burst.upKbps': 'Rate is required',
        price: 'Amount must not be negative',
        validity: 'Validity is a whole number of days or months, at least 1',
        routerProfile: 'Use letters, digits, space and . _ : @ / - only',
        isolationProfile: 'Isolation on expiry needs an isolation profile or an address list',
      },
    });
  });

  it('round-trips a plan and sends only what changed', () => {
    const p = plan(3, { burst: null, graceDays: 2 });
    const same = planFormToInput(planToForm(p, 2), 2);
    expect(same.ok && planChanges(p, same.input)).toBeNull();

    const edited = planFormToInput({ ...planToForm(p, 2), price: '2600', graceDays: '3' }, 2);
    expect(edited.ok && planChanges(p, edited.input)).toEqual({
      id: 3,
      price: 260_000,
      graceDays: 3,
    });
  });
});
