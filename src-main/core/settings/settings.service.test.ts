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

  it('relabels plan prices (no conversion) on a currency change only when confirmed, naming the plans', async () => {
    const o = await officeCore();
    const basic = await makePlan(o.admin, { name: 'Basic', price: 2_500 });
    await makePlan(o.admin, { name: 'Family', price: 4_000 });
    const before = officeSnapshot(o.core);
    const refused = failure(
      await o.admin.call('settings.update', { currencyCode: 'KES', timeZone: 'Africa/Nairobi' }),
      'conflict',
    );
    expect(refused.message).toBe(
      'Plan prices keep their numbers in the new currency (they are not converted): Basic, Family. Confirm to relabel them.',
    );
    expect(refused.details).toEqual({
      plans: [
        { id: basic.id, name: 'Basic', price: 2_500 },
        { id: expect.any(Number) as unknown, name: 'Family', price: 4_000 },
      ],
    });
    expect(officeSnapshot(o.core)).toBe(before);
    // Other settings need no confirmation.
    unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    const saved = unwrap(
      await o.admin.call('settings.update', { currencyCode: 'KES', relabelPlanPrices: true }),
    );
    expect(saved.currencyCode).toBe('KES');
    expect(unwrap(await o.admin.call('plans.get', { id: basic.id })).price).toBe(2_500);
    expect(entriesOf(o.core, 'settings.updated').at(-1)?.details).toMatchObject({
      before: { currencyCode: 'USD' },
      after: { currencyCode: 'KES' },
    });
    failure(await o.admin.raw('settings.update', { relabelPlanPrices: true }), 'validation');
  });

  it('keeps the office profile (name, address, phone, registration, footer) and logs changes', async () => {
    const o = await officeCore();
    expect(unwrap(await o.cashier.call('office.profile', undefined))).toEqual({
      businessName: '',
      address: '',
      phone: '',
      registrationNumber: '',
      receiptFooter: '',
      setupDone: false,
    });
    const saved = unwrap(
      await o.admin.call('office.updateProfile', {
        businessName: '  Kilimani Net ',
        address: 'Argwings Kodhek Rd\nNairobi',
        phone: '+254 700 000 111',
        registrationNumber: 'P051234567X',
        receiptFooter: 'Paybill 123456',
        setupDone: true,
      }),
    );
    expect(saved).toMatchObject({ businessName: 'Kilimani Net', setupDone: true });
    expect(unwrap(await o.viewer.call('office.profile', undefined))).toEqual(saved);
    expect(entriesOf(o.core, 'settings.updated').at(-1)).toMatchObject({
      target: { type: 'settings', id: 'office', label: 'Office profile' },
      details: { before: { businessName: '' }, after: { businessName: 'Kilimani Net' } },
    });
    failure(await o.cashier.call('office.updateProfile', { phone: '1' }), 'forbidden');
    const unchanged = officeSnapshot(o.core);
    for (const bad of [{ businessName: '   ' }, { phone: 'a\u202eb' }, {}, { setupDone: false }]) {
      failure(await o.admin.raw('office.updateProfile', bad), 'validation');
    }
    expect(officeSnapshot(o.core)).toBe(unchanged);
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
