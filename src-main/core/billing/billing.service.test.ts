import { describe, expect, it } from 'vitest';
import { entriesOf, failure, lastEntry, unwrap } from '../test-support/test-core';
import {
  IPS,
  ledgerSum,
  makeClient,
  makePlan,
  officeCore,
  officeSnapshot,
  storedBalance,
} from '../test-support/office-fixtures';

const DAY = 86_400_000;

describe('billing: payments, refunds, adjustments, voids', () => {
  it('records a payment with a receipt and logs it as a financial User entry', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.tech, plan.id);
    const paid = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: client.id,
        amount: 1_000,
        method: 'mobile_money',
        reference: 'MPESA-QX12',
        renew: false,
      }),
    );
    expect(paid.entry).toMatchObject({ kind: 'payment', amount: 1_000, method: 'mobile_money' });
    expect(paid.receipt).toMatchObject({
      number: 1,
      code: 'R-000001',
      amount: 1_000,
      balanceAfter: 1_000,
      staffName: 'Cashier Staff',
      client: { accountNo: client.accountNo },
      voided: false,
    });
    expect(paid.client.balance).toBe(1_000);
    const [e] = entriesOf(o.core, 'payment.recorded');
    expect(e).toMatchObject({
      type: 'user',
      category: 'financial',
      outcome: 'success',
      actor: { id: o.ids.cashier, name: 'Cashier Staff' },
      ip: IPS.cashier,
      clientId: client.id,
      description: expect.stringContaining('USD 10.00') as unknown,
      details: {
        amount: 1_000,
        receipt: 1,
        before: { balance: 0 },
        after: { balance: 1_000 },
      },
    });
    expect(e?.correlationId).toBe(paid.entry.correlationId);
  });

  it('renews and activates a client awaiting their first payment who pays, by default', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, { price: 2_500 });
    const client = await makeClient(o.tech, plan.id);
    expect(client.status).toBe('awaiting_payment');
    const now = o.tc.clock.now();
    const paid = unwrap(
      await o.cashier.call('billing.pay', { clientId: client.id, amount: 2_500, method: 'cash' }),
    );
    expect(paid.renewal).toMatchObject({ periods: 1, charged: 2_500, reactivated: true });
    expect(paid.renewal?.periodStart).toBe(now);
    expect(paid.client).toMatchObject({ status: 'active', balance: 0 });
    expect(paid.client.expiresAt).toBeGreaterThan(now + 27 * DAY);
    expect(paid.receipt?.renewal?.planName).toBe(plan.name);
    const renewed = entriesOf(o.core, 'subscription.renewed');
    expect(renewed).toHaveLength(1);
    expect(renewed[0]?.correlationId).toBe(entriesOf(o.core, 'payment.recorded')[0]?.correlationId);
    expect(renewed[0]?.details).toMatchObject({
      before: { status: 'awaiting_payment' },
      after: { status: 'active', expiresAt: paid.client.expiresAt },
    });
  });

  it('keeps the balance equal to the sum of the ledger through every kind of entry', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, { price: 3_000 });
    const c = await makeClient(o.tech, plan.id);
    const p1 = unwrap(
      await o.cashier.call('billing.pay', { clientId: c.id, amount: 5_000, method: 'cash' }),
    );
    unwrap(
      await o.admin.call('billing.refund', {
        paymentId: p1.entry.id,
        amount: 700,
        reason: 'Overpaid',
      }),
    );
    unwrap(
      await o.cashier.call('billing.adjust', { clientId: c.id, amount: -250, reason: 'Late fee' }),
    );
    unwrap(await o.cashier.call('billing.renew', { clientId: c.id, periods: 2 }));
    const p2 = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 999,
        method: 'bank',
        renew: false,
      }),
    );
    unwrap(await o.admin.call('billing.void', { entryId: p2.entry.id, reason: 'Bounced cheque' }));
    const expected = 5_000 - 3_000 - 700 - 250 - 6_000 + 999 - 999;
    expect(ledgerSum(o.core, c.id)).toBe(expected);
    expect(storedBalance(o.core, c.id)).toBe(expected);
    const ledger = unwrap(await o.viewer.call('billing.ledger', { clientId: c.id }));
    expect(ledger.balance).toBe(expected);
    expect(ledger.entries.reduce((a, e) => a + e.amount, 0)).toBe(expected);
    expect(ledger.entries.map((e) => e.kind)).toEqual([
      'void',
      'payment',
      'charge',
      'adjustment',
      'refund',
      'charge',
      'payment',
    ]);
  });

  it('never lets the database change the balance or the ledger by hand', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 100,
        method: 'cash',
        renew: false,
      }),
    );
    const sql = o.core.sqlite;
    expect(() => sql.prepare('UPDATE clients SET balance = 5 WHERE id = ?').run(c.id)).toThrow(
      /derived from the ledger/,
    );
    expect(() =>
      sql.prepare('UPDATE ledger_entries SET amount = 1 WHERE id = ?').run(p.entry.id),
    ).toThrow(/append-only/);
    expect(() => sql.prepare('DELETE FROM ledger_entries WHERE id = ?').run(p.entry.id)).toThrow(
      /append-only/,
    );
    expect(() => sql.prepare('DELETE FROM receipts').run()).toThrow(/never deleted/);
    expect(storedBalance(o.core, c.id)).toBe(100);
  });

  it('caps refunds at what was paid, net of earlier refunds, and requires a reason', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 1_000,
        method: 'cash',
        renew: false,
      }),
    );
    const r1 = unwrap(
      await o.admin.call('billing.refund', {
        paymentId: p.entry.id,
        amount: 600,
        reason: 'Moved away',
      }),
    );
    expect(r1.entry).toMatchObject({
      kind: 'refund',
      amount: -600,
      method: 'cash',
      relatesTo: p.entry.id,
    });
    expect(r1.receipt).toMatchObject({ number: 2, kind: 'refund', amount: 600, balanceAfter: 400 });
    const before = officeSnapshot(o.core);
    const over = failure(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 401, reason: 'Again' }),
      'validation',
    );
    expect(over.message).toContain('USD 4.00');
    // The amount is named as data for the form, in words that do not repeat the field.
    expect(over.details).toEqual({
      issues: [
        { path: ['amount'], message: 'At most USD 4.00 of this payment can still be refunded.' },
      ],
    });
    failure(
      await o.admin.raw('billing.refund', { paymentId: p.entry.id, amount: 100 }),
      'validation',
    );
    failure(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 100, reason: '  ' }),
      'validation',
    );
    expect(officeSnapshot(o.core)).toBe(before);
    unwrap(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 400, reason: 'Rest' }),
    );
    failure(
      await o.admin.call('billing.refund', {
        paymentId: p.entry.id,
        amount: 1,
        reason: 'Too much',
      }),
      'validation',
    );
    const [entry] = entriesOf(o.core, 'refund.issued');
    expect(entry).toMatchObject({
      type: 'user',
      category: 'financial',
      actor: { id: o.ids.admin },
      ip: IPS.admin,
      clientId: c.id,
      details: {
        amount: 600,
        reason: 'Moved away',
        refundableAfter: 400,
        before: { balance: 1_000 },
      },
    });
  });

  it('refunds only payments, and nothing of a voided one', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const renewed = unwrap(await o.cashier.call('billing.renew', { clientId: c.id }));
    failure(
      await o.admin.call('billing.refund', {
        paymentId: renewed.entry.id,
        amount: 1,
        reason: 'No',
      }),
      'validation',
    );
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 500,
        method: 'cash',
        renew: false,
      }),
    );
    unwrap(await o.admin.call('billing.void', { entryId: p.entry.id, reason: 'Wrong client' }));
    failure(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 1, reason: 'Nope' }),
      'conflict',
    );
  });

  it('voids a payment with a reversing entry, once, and its receipt then reads voided', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 800,
        method: 'bank',
        renew: false,
      }),
    );
    const v = unwrap(
      await o.admin.call('billing.void', { entryId: p.entry.id, reason: 'Duplicate' }),
    );
    expect(v.entry).toMatchObject({
      kind: 'void',
      amount: -800,
      method: 'bank',
      relatesTo: p.entry.id,
    });
    expect(v.client.balance).toBe(0);
    const receipt = unwrap(await o.viewer.call('receipts.get', { number: 1 }));
    expect(receipt).toMatchObject({ voided: true, amount: 800 });
    const before = officeSnapshot(o.core);
    failure(
      await o.admin.call('billing.void', { entryId: p.entry.id, reason: 'Again' }),
      'conflict',
    );
    failure(
      await o.admin.call('billing.void', { entryId: v.entry.id, reason: 'Void the void' }),
      'validation',
    );
    expect(officeSnapshot(o.core)).toBe(before);
    expect(entriesOf(o.core, 'ledger.voided')[0]).toMatchObject({
      type: 'user',
      category: 'financial',
      clientId: c.id,
      details: {
        voidedEntryId: p.entry.id,
        reason: 'Duplicate',
        before: { balance: 800 },
        after: { balance: 0 },
      },
    });
    const q = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 800,
        method: 'bank',
        renew: false,
      }),
    );
    unwrap(
      await o.admin.call('billing.refund', { paymentId: q.entry.id, amount: 100, reason: 'Part' }),
    );
    failure(
      await o.admin.call('billing.void', { entryId: q.entry.id, reason: 'Refunded' }),
      'conflict',
    );
  });

  it('lets a cashier adjust up to the limit; above it only an administrator, and the refusal is logged', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { adjustmentLimit: 500 }));
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const small = unwrap(
      await o.cashier.call('billing.adjust', { clientId: c.id, amount: -500, reason: 'Late fee' }),
    );
    expect(small.entry).toMatchObject({ kind: 'adjustment', amount: -500, reason: 'Late fee' });
    const before = officeSnapshot(o.core, { withLog: false });
    const denied = failure(
      await o.cashier.call('billing.adjust', { clientId: c.id, amount: 501, reason: 'Goodwill' }),
      'forbidden',
    );
    expect(denied.message).toContain('cashier');
    expect(officeSnapshot(o.core, { withLog: false })).toBe(before);
    expect(lastEntry(o.core)).toMatchObject({
      event: 'auth.permission.denied',
      outcome: 'failure',
      actor: { id: o.ids.cashier },
      ip: IPS.cashier,
      details: { procedure: 'billing.adjust', permission: 'billing.adjustAboveLimit' },
    });
    unwrap(
      await o.admin.call('billing.adjust', {
        clientId: c.id,
        amount: 5_000,
        reason: 'Outage credit',
      }),
    );
    expect(storedBalance(o.core, c.id)).toBe(4_500);
    expect(entriesOf(o.core, 'balance.adjusted').map((e) => e.details)).toEqual([
      expect.objectContaining({ amount: -500, reason: 'Late fee', limit: 500 }),
      expect.objectContaining({
        amount: 5_000,
        before: { balance: -500 },
        after: { balance: 4_500 },
      }),
    ]);
  });

  it('refuses money operations on archived clients and unknown clients, writing nothing', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    unwrap(await o.tech.call('clients.archive', { id: c.id }));
    const before = officeSnapshot(o.core);
    failure(
      await o.cashier.call('billing.pay', { clientId: c.id, amount: 1, method: 'cash' }),
      'conflict',
    );
    failure(await o.cashier.call('billing.renew', { clientId: c.id }), 'conflict');
    failure(
      await o.cashier.call('billing.adjust', { clientId: c.id, amount: 1, reason: 'Fee' }),
      'conflict',
    );
    failure(
      await o.cashier.call('billing.pay', { clientId: 999, amount: 1, method: 'cash' }),
      'not_found',
    );
    failure(await o.viewer.call('receipts.get', { number: 1 }), 'not_found');
    expect(officeSnapshot(o.core)).toBe(before);
  });
});

describe('billing: bad input is refused with a clear message and writes nothing', () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'negative amount',
      'billing.pay',
      { amount: -100, method: 'cash' },
      /amount: Amount must be greater than zero/,
    ],
    [
      'fractional amount',
      'billing.pay',
      { amount: 10.5, method: 'cash' },
      /amount: .*whole number of minor units/,
    ],
    [
      'zero amount',
      'billing.pay',
      { amount: 0, method: 'cash' },
      /amount: Amount must be greater than zero/,
    ],
    ['amount as text', 'billing.pay', { amount: '100', method: 'cash' }, /amount: /],
    ['huge amount', 'billing.pay', { amount: 1e15, method: 'cash' }, /amount: Amount is too large/],
    ['unknown method', 'billing.pay', { amount: 100, method: 'gold' }, /method: /],
    [
      'oversized reference',
      'billing.pay',
      { amount: 100, method: 'cash', reference: 'x'.repeat(65) },
      /reference: Reference must be at most 64/,
    ],
    ['unknown field', 'billing.pay', { amount: 100, method: 'cash', discount: 5 }, /discount/],
    [
      'zero adjustment',
      'billing.adjust',
      { amount: 0, reason: 'Nothing' },
      /amount: Amount must not be zero/,
    ],
    [
      'fractional adjustment',
      'billing.adjust',
      { amount: -0.01, reason: 'Penny' },
      /amount: .*no fractions/,
    ],
    [
      'adjustment without reason',
      'billing.adjust',
      { amount: 100 },
      /reason: A reason is required/,
    ],
    [
      'oversized reason',
      'billing.adjust',
      { amount: 100, reason: 'r'.repeat(501) },
      /reason: Reason must be at most 500/,
    ],
    ['too many periods', 'billing.renew', { periods: 25 }, /periods: /],
  ];

  it.each(cases)('%s', async (_label, procedure, input, message) => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const before = officeSnapshot(o.core);
    const err = failure(await o.admin.raw(procedure, { clientId: c.id, ...input }), 'validation');
    expect(err.message).toMatch(message);
    expect(officeSnapshot(o.core)).toBe(before);
  });
});
