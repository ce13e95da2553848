import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { failure, unwrap } from '../test-support/test-core';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';

const TZ = 'Africa/Nairobi'; // UTC+3, no DST
const at = (d: number, h: number, m = 0) => new TZDate(2030, 0, d, h, m, TZ).getTime();

/** A day of takings by two cashiers around the office's local midnight. */
const day = async () => {
  const o = await officeCore();
  unwrap(await o.admin.call('settings.update', { timeZone: TZ, currencyCode: 'KES' }));
  const home = await makePlan(o.admin, { price: 1_000 });
  const biz = await makePlan(o.admin, { name: 'Business', price: 5_000 });
  const a = await makeClient(o.tech, home.id);
  const b = await makeClient(o.tech, biz.id);
  const pay = async (
    who: typeof o.cashier,
    when: number,
    clientId: number,
    amount: number,
    method: 'cash' | 'mobile_money',
    renew = false,
  ) => {
    o.tc.clock.set(when);
    return unwrap(await who.call('billing.pay', { clientId, amount, method, renew }));
  };
  await pay(o.cashier, at(19, 23, 59), a.id, 111, 'cash'); // the day before, local time
  const p1 = await pay(o.cashier, at(20, 0, 0), a.id, 1_000, 'cash', true);
  await pay(o.cashier, at(20, 9, 30), b.id, 5_000, 'mobile_money', true);
  await pay(o.admin, at(20, 12, 0), b.id, 2_000, 'cash');
  const p4 = await pay(o.cashier, at(20, 15, 0), a.id, 700, 'cash');
  o.tc.clock.set(at(20, 16, 0));
  unwrap(
    await o.admin.call('billing.refund', {
      paymentId: p1.entry.id,
      amount: 300,
      reason: 'Overcharged',
    }),
  );
  unwrap(await o.admin.call('billing.void', { entryId: p4.entry.id, reason: 'Typed twice' }));
  await pay(o.cashier, at(20, 23, 59), a.id, 50, 'mobile_money');
  await pay(o.cashier, at(21, 0, 0), a.id, 222, 'cash'); // the day after
  return { o, home, biz };
};

describe('reports', () => {
  it('closes the drawer per staff member and method for one office day', async () => {
    const { o } = await day();
    const r = unwrap(await o.cashier.call('reports.drawer', { day: '2030-01-20' }));
    expect(r).toMatchObject({
      day: '2030-01-20',
      timeZone: TZ,
      from: at(20, 0),
      to: at(21, 0),
      currency: { code: 'KES' },
    });
    expect(r.rows).toEqual([
      {
        staffId: o.ids.admin,
        staffName: 'Ada Admin',
        method: 'cash',
        payments: { count: 1, amount: 2_000 },
        refunds: { count: 1, amount: 300 },
        voids: { count: 1, amount: 700 },
        net: 1_000,
      },
      {
        staffId: o.ids.cashier,
        staffName: 'Cashier Staff',
        method: 'cash',
        payments: { count: 2, amount: 1_700 },
        refunds: { count: 0, amount: 0 },
        voids: { count: 0, amount: 0 },
        net: 1_700,
      },
      {
        staffId: o.ids.cashier,
        staffName: 'Cashier Staff',
        method: 'mobile_money',
        payments: { count: 2, amount: 5_050 },
        refunds: { count: 0, amount: 0 },
        voids: { count: 0, amount: 0 },
        net: 5_050,
      },
    ]);
    expect(r.totals).toEqual({
      payments: { count: 5, amount: 8_750 },
      refunds: { count: 1, amount: 300 },
      voids: { count: 1, amount: 700 },
      net: 7_750,
    });
    const mine = unwrap(
      await o.cashier.call('reports.drawer', { day: '2030-01-20', staffId: o.ids.cashier }),
    );
    expect(mine.totals.net).toBe(6_750);
    expect(unwrap(await o.viewer.call('reports.drawer', { day: '2030-01-19' })).totals.net).toBe(
      111,
    );
  });

  it('sums income by day and by month, with empty periods, per method and per plan', async () => {
    const { o, home, biz } = await day();
    const byDay = unwrap(
      await o.viewer.call('reports.income', {
        from: '2030-01-18',
        to: '2030-01-21',
        groupBy: 'day',
      }),
    );
    expect(byDay.buckets.map((b) => [b.period, b.net])).toEqual([
      ['2030-01-18', 0],
      ['2030-01-19', 111],
      ['2030-01-20', 7_750],
      ['2030-01-21', 222],
    ]);
    expect(byDay.byMethod).toEqual([
      { method: 'cash', payments: 4_033, refunds: 300, voids: 700, net: 3_033 },
      { method: 'mobile_money', payments: 5_050, refunds: 0, voids: 0, net: 5_050 },
    ]);
    expect(byDay.byPlan).toEqual([
      { planId: biz.id, planName: 'Business', renewals: 1, charged: 5_000 },
      { planId: home.id, planName: 'Home 10M', renewals: 1, charged: 1_000 },
    ]);
    expect(byDay.totals.net).toBe(8_083);
    const byMonth = unwrap(
      await o.viewer.call('reports.income', {
        from: '2029-12-15',
        to: '2030-02-10',
        groupBy: 'month',
      }),
    );
    expect(byMonth.buckets.map((b) => [b.period, b.net])).toEqual([
      ['2029-12', 0],
      ['2030-01', 8_083],
      ['2030-02', 0],
    ]);
    failure(
      await o.viewer.call('reports.income', {
        from: '2030-01-02',
        to: '2030-01-01',
        groupBy: 'day',
      }),
      'validation',
    );
    failure(
      await o.viewer.call('reports.income', {
        from: '2029-01-01',
        to: '2030-03-01',
        groupBy: 'day',
      }),
      'validation',
    );
    failure(await o.viewer.raw('reports.drawer', { day: '2030-02-30' }), 'validation');
    failure(
      await o.tech.call('reports.income', { from: '2030-01-01', to: '2030-01-02', groupBy: 'day' }),
      'forbidden',
    );
  });

  it('counts the dashboard, showing money and activity only to those allowed to see them', async () => {
    const { o } = await day();
    const plan = await makePlan(o.admin, { name: 'Spare' });
    const c = await makeClient(o.tech, plan.id);
    unwrap(await o.tech.call('clients.update', { id: c.id, status: 'suspended' }));
    const d = await makeClient(o.tech, plan.id);
    unwrap(await o.tech.call('clients.archive', { id: d.id }));
    await makeClient(o.tech, plan.id);
    o.tc.clock.set(at(20, 18, 0));
    const cashier = unwrap(await o.cashier.call('reports.dashboard', { expiringWithinDays: 60 }));
    expect(cashier.counts).toEqual({
      active: 2,
      expired: 0,
      expiringSoon: 2,
      awaitingPayment: 1,
      suspended: 1,
      disabled: 0,
      archived: 1,
    });
    expect(cashier.todayIncome).toBe(7_750);
    expect(cashier.recentActivity).toHaveLength(10);
    const tech = unwrap(await o.tech.call('reports.dashboard', undefined));
    expect(tech.todayIncome).toBeNull();
    expect(tech.expiringWithinDays).toBe(7);
    expect(tech.counts.expiringSoon).toBe(0);
    o.tc.clock.set(at(20, 18, 0) + 40 * 86_400_000);
    const later = unwrap(await o.viewer.call('reports.dashboard', undefined));
    expect(later.counts).toMatchObject({ active: 0, expired: 2, awaitingPayment: 1 });
  });
});
