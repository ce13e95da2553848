import { describe, expect, it } from 'vitest';
import { entriesOf, failure, unwrap } from '../test-support/test-core';
import { makeClient, makePlan, officeCore, officeSnapshot } from '../test-support/office-fixtures';
import { DEFAULT_BILLING_SETTINGS } from './settings.service';

describe('billing settings', () => {
  it('starts from defaults, and logs each change with before and after as a network change', async () => {
    const o = await officeCore();
    expect(unwrap(await o.cashier.call('settings.get', undefined))).toEqual(
      DEFAULT_BILLING_SETTINGS,
    );
    const s = unwrap(
      await o.admin.call('settings.update', {
        currencyCode: 'ugx',
        minorUnitDigits: 0,
        timeZone: 'Africa/Kampala',
        accountPrefix: 'kla-',
      }),
    );
    expect(s).toEqual({
      ...DEFAULT_BILLING_SETTINGS,
      currencyCode: 'UGX',
      minorUnitDigits: 0,
      timeZone: 'Africa/Kampala',
      accountPrefix: 'KLA-',
    });
    expect(entriesOf(o.core, 'settings.updated')[0]).toMatchObject({
      type: 'administrative',
      category: 'network',
      actor: { id: o.ids.admin },
      details: {
        before: { currencyCode: 'USD', minorUnitDigits: 2, timeZone: 'UTC', accountPrefix: 'AC' },
        after: {
          currencyCode: 'UGX',
          minorUnitDigits: 0,
          timeZone: 'Africa/Kampala',
          accountPrefix: 'KLA-',
        },
      },
    });
    const plan = await makePlan(o.admin, { price: 50_000 });
    expect(entriesOf(o.core, 'plan.created')[0]?.description).toContain('UGX 50,000 per');
    expect((await makeClient(o.tech, plan.id)).accountNo).toBe('KLA-000001');
  });

  it('refuses to change the currency once money is in the ledger', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 100,
        method: 'cash',
        renew: false,
      }),
    );
    const before = officeSnapshot(o.core);
    failure(await o.admin.call('settings.update', { minorUnitDigits: 3 }), 'conflict');
    failure(await o.admin.call('settings.update', { currencyCode: 'EUR' }), 'conflict');
    expect(officeSnapshot(o.core)).toBe(before);
    unwrap(await o.admin.call('settings.update', { adjustmentLimit: 1 }));
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, /timeZone: Unknown time zone/],
    [{ currencyCode: 'dollars' }, /currencyCode: Currency must be a three-letter/],
    [{ minorUnitDigits: 4 }, /minorUnitDigits/],
    [{ adjustmentLimit: -1 }, /adjustmentLimit/],
    [{ adjustmentLimit: 10.5 }, /adjustmentLimit/],
    [{ accountPrefix: 'TOO-LONG-PREFIX' }, /accountPrefix/],
    [{}, /Nothing to change/],
  ])('refuses %j with a clear message, writing nothing', async (input, message) => {
    const o = await officeCore();
    const before = officeSnapshot(o.core);
    expect(failure(await o.admin.raw('settings.update', input), 'validation').message).toMatch(
      message,
    );
    expect(officeSnapshot(o.core)).toBe(before);
  });
});
