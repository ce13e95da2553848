import { describe, expect, it } from 'vitest';
import { failure, unwrap } from '../test-support/test-core';
import { makeClient, makePlan, officeCore, officeSnapshot } from '../test-support/office-fixtures';

const numbers = (o: Awaited<ReturnType<typeof officeCore>>) =>
  (
    o.core.sqlite.prepare('SELECT number FROM receipts ORDER BY number').all() as {
      number: number;
    }[]
  ).map((r) => r.number);

/** Makes the next log entry of `event` fail, as a full disk would, inside the transaction. */
const failNext = (o: Awaited<ReturnType<typeof officeCore>>, event: string) => {
  o.core.sqlite.exec(`CREATE TEMP TRIGGER fail_once BEFORE INSERT ON main.activity_log
    WHEN new.event = '${event}' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END`);
  return () => o.core.sqlite.exec('DROP TRIGGER temp.fail_once');
};

describe('receipts', () => {
  it('numbers receipts without gaps even when a transaction fails after taking a number', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id);
    const pay = (amount: number) =>
      o.cashier.call('billing.pay', { clientId: c.id, amount, method: 'cash', renew: false });

    unwrap(await pay(100));
    const before = officeSnapshot(o.core);
    let heal = failNext(o, 'payment.recorded');
    failure(await pay(200), 'internal');
    heal();
    expect(officeSnapshot(o.core)).toBe(before);
    const second = unwrap(await pay(300));
    expect(second.receipt?.number).toBe(2);

    heal = failNext(o, 'refund.issued');
    failure(
      await o.admin.call('billing.refund', {
        paymentId: second.entry.id,
        amount: 50,
        reason: 'Part',
      }),
      'internal',
    );
    heal();
    const refund = unwrap(
      await o.admin.call('billing.refund', {
        paymentId: second.entry.id,
        amount: 50,
        reason: 'Part',
      }),
    );
    expect(refund.receipt?.number).toBe(3);
    unwrap(await pay(400));
    expect(numbers(o)).toEqual([1, 2, 3, 4]);
    expect(o.tc.logger.lines.filter((l) => l.level === 'error')).toHaveLength(2);
  });

  it('prints the receipt as issued: client and staff names, currency, balance after, renewal', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { currencyCode: 'KES', minorUnitDigits: 2 }));
    const plan = await makePlan(o.admin, { name: 'Fibre 20', price: 150_000 });
    const c = await makeClient(o.tech, plan.id, { fullName: 'Wanjiru Kamau' });
    const paid = unwrap(
      await o.cashier.call('billing.pay', {
        clientId: c.id,
        amount: 200_000,
        method: 'mobile_money',
        reference: 'QWE123',
        note: 'Paid at the counter',
      }),
    );
    unwrap(await o.tech.call('clients.update', { id: c.id, fullName: 'Wanjiru K. Otieno' }));
    const r = unwrap(await o.viewer.call('receipts.get', { number: paid.receipt?.number ?? 0 }));
    expect(r).toMatchObject({
      code: 'R-000001',
      kind: 'payment',
      amount: 200_000,
      method: 'mobile_money',
      reference: 'QWE123',
      note: 'Paid at the counter',
      client: { id: c.id, accountNo: c.accountNo, fullName: 'Wanjiru Kamau' },
      staffName: 'Cashier Staff',
      currency: { code: 'KES', minorUnitDigits: 2 },
      balanceAfter: 50_000,
      voided: false,
      renewal: { planName: 'Fibre 20', periodEnd: paid.client.expiresAt },
    });
  });
});
