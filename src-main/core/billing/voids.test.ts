import { describe, expect, it } from 'vitest';
import { entriesOf, failure, unwrap } from '../test-support/test-core';
import { makeClient, makePlan, officeCore, officeSnapshot } from '../test-support/office-fixtures';

describe('voids: any entry a person made, once, with a reason; never a system charge', () => {
  it('voids an adjustment with the opposite entry and logs the reason', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const a = unwrap(
      await o.admin.call('billing.adjust', { clientId: c.id, amount: -700, reason: 'Late fee' }),
    );
    const v = unwrap(
      await o.admin.call('billing.void', { entryId: a.entry.id, reason: 'Fee waived' }),
    );
    expect(v.entry).toMatchObject({ kind: 'void', amount: 700, relatesTo: a.entry.id });
    expect(v.client.balance).toBe(0);
    expect(v.receipt).toBeNull();
    const ledger = unwrap(await o.admin.call('billing.ledger', { clientId: c.id }));
    expect(ledger.entries.find((e) => e.id === a.entry.id)?.voided).toBe(true);
    expect(entriesOf(o.core, 'ledger.voided')[0]).toMatchObject({
      details: { voidedEntryId: a.entry.id, kind: 'adjustment', reason: 'Fee waived' },
    });
    const before = officeSnapshot(o.core);
    failure(
      await o.admin.call('billing.void', { entryId: a.entry.id, reason: 'Twice' }),
      'conflict',
    );
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('voids a refund: the money counts as paid again, its receipt reads VOID, and the payment can then be voided', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 1_000,
        method: 'mobile_money',
        reference: 'QJK7H2L9XP',
        renew: false,
      }),
    );
    const r = unwrap(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 400, reason: 'Part' }),
    );
    expect(r.entry.reference).toBe('QJK7H2L9XP');
    failure(
      await o.admin.call('billing.void', { entryId: p.entry.id, reason: 'Has refunds' }),
      'conflict',
    );
    const v = unwrap(
      await o.admin.call('billing.void', { entryId: r.entry.id, reason: 'Refund by mistake' }),
    );
    expect(v.entry).toMatchObject({ kind: 'void', amount: 400, method: 'mobile_money' });
    expect(v.client.balance).toBe(1_000);
    const refundReceipt = unwrap(
      await o.viewer.call('receipts.get', { number: r.receipt?.number ?? 0 }),
    );
    expect(refundReceipt).toMatchObject({ kind: 'refund', voided: true });
    const ledger = unwrap(await o.admin.call('billing.ledger', { clientId: c.id }));
    expect(ledger.entries.find((e) => e.id === p.entry.id)).toMatchObject({
      refunded: 0,
      voided: false,
    });
    // The whole payment is refundable again, and voidable.
    unwrap(await o.admin.call('billing.void', { entryId: p.entry.id, reason: 'Wrong client' }));
    const payReceipt = unwrap(
      await o.viewer.call('receipts.get', { number: p.receipt?.number ?? 0 }),
    );
    expect(payReceipt.voided).toBe(true);
    const drawer = unwrap(
      await o.admin.call('reports.drawer', {
        day: new Date(p.entry.createdAt).toISOString().slice(0, 10),
      }),
    );
    // 1000 in, 400 out, 400 back in, 1000 out: the drawer nets to nothing.
    expect(drawer.totals.net).toBe(0);
  });

  it('never voids a renewal charge or a void, and says why', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const renewed = unwrap(await o.cashier.call('billing.renew', { clientId: c.id }));
    const before = officeSnapshot(o.core);
    const charge = failure(
      await o.admin.call('billing.void', { entryId: renewed.entry.id, reason: 'Charged twice' }),
      'validation',
    );
    expect(charge.message).toContain('adjustment');
    expect(officeSnapshot(o.core)).toBe(before);
    const a = unwrap(
      await o.admin.call('billing.adjust', { clientId: c.id, amount: 50, reason: 'Credit' }),
    );
    const v = unwrap(await o.admin.call('billing.void', { entryId: a.entry.id, reason: 'Oops' }));
    failure(
      await o.admin.call('billing.void', { entryId: v.entry.id, reason: 'Void the void' }),
      'validation',
    );
  });

  it('is refused to a cashier', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const a = unwrap(
      await o.cashier.call('billing.adjust', { clientId: c.id, amount: 50, reason: 'Credit' }),
    );
    failure(
      await o.cashier.call('billing.void', { entryId: a.entry.id, reason: 'Mistake' }),
      'forbidden',
    );
  });
});

describe('payment references in the activity log', () => {
  it('finds the payment, its refund and its void by the M-Pesa code', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const p = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 1_000,
        method: 'mobile_money',
        reference: 'QJK7H2L9XP',
        renew: false,
      }),
    );
    unwrap(
      await o.admin.call('billing.refund', { paymentId: p.entry.id, amount: 100, reason: 'Part' }),
    );
    unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 200,
        method: 'cash',
        reference: 'OTHER1',
        renew: false,
      }),
    );
    const found = unwrap(await o.admin.call('activity.search', { filter: { text: 'qjk7h2l9xp' } }));
    expect(found.entries.map((e) => e.event).sort()).toEqual(['payment.recorded', 'refund.issued']);
    expect(found.entries[0]?.description).toContain('QJK7H2L9XP');
    const verified = unwrap(await o.admin.call('activity.verify', {}));
    expect(verified.ok).toBe(true);
  });
});
