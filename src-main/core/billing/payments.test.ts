import { chunkText } from '../test-support/activity-fixtures';
import { describe, expect, it } from 'vitest';
import type { ExportSink } from '../activity/activity.service';
import { parseCsv } from '../clients/csv';
import { entriesOf, failure, unwrap, type TestClient } from '../test-support/test-core';
import { makeClient, makePlan, officeCore, type Office } from '../test-support/office-fixtures';

const HOUR = 3_600_000;

const exportCsv = async (o: Office, who: TestClient, input: unknown) => {
  let text = '';
  let name = '';
  let writes = 0;
  const result = await o.tc.dispatch.download('payments.export', input, who.ctx, (file) => {
    name = file.fileName;
    const sink: ExportSink = {
      write: (chunk) => {
        text += chunkText(chunk);
        writes += 1;
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
      abort: () => {},
    };
    return Promise.resolve(sink);
  });
  return { result, text, name, writes };
};

/**
 * An office in Nairobi (UTC+3). On 2030-01-15 a cashier takes an M-Pesa payment and cash; an
 * administrator refunds part of the M-Pesa one, voids the cash and adjusts a balance. At 21:30
 * UTC (00:30 on the 16th in Nairobi) the administrator takes a bank payment.
 */
const office = async () => {
  const o = await officeCore();
  unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
  const plan = await makePlan(o.admin);
  const amina = await makeClient(o.tech, plan.id, { fullName: 'Amina Otieno' });
  const brian = await makeClient(o.tech, plan.id, { fullName: 'Brian Kamau' });
  const pay = async (who: TestClient, clientId: number, extra: Record<string, unknown>) =>
    unwrap(
      await who.call('billing.pay', {
        clientId,
        amount: 1_000,
        method: 'cash',
        renew: false,
        ...extra,
      }),
    );
  // T0 is 2030-01-15 09:00 UTC = 12:00 in Nairobi.
  const mpesa = await pay(o.cashier, amina.id, {
    amount: 5_000,
    method: 'mobile_money',
    reference: 'QJK7H2L9XP',
  });
  const cash = await pay(o.cashier, brian.id, { amount: 2_000 });
  unwrap(
    await o.admin.call('billing.refund', {
      paymentId: mpesa.entry.id,
      amount: 1_500,
      reason: 'Overpaid',
    }),
  );
  unwrap(await o.admin.call('billing.void', { entryId: cash.entry.id, reason: 'Wrong client' }));
  unwrap(await o.admin.call('billing.adjust', { clientId: brian.id, amount: -300, reason: 'Fee' }));
  // 21:30 UTC: already the 16th in Nairobi.
  o.tc.clock.advance(12 * HOUR + 30 * 60_000);
  const late = await pay(o.admin, amina.id, { amount: 700, method: 'bank', reference: 'FT-2030' });
  return { o, amina, brian, mpesa, cash, late };
};

describe('payments.list: money across the counter, filtered, with totals', () => {
  it('lists payments, refunds and voids of office days (not adjustments), newest first, with totals', async () => {
    const { o, mpesa, cash } = await office();
    const day = unwrap(
      await o.cashier.call('payments.list', { filter: { from: '2030-01-15', to: '2030-01-15' } }),
    );
    expect(day.items.map((i) => [i.kind, i.amount, i.method])).toEqual([
      ['void', -2_000, 'cash'],
      ['refund', -1_500, 'mobile_money'],
      ['payment', 2_000, 'cash'],
      ['payment', 5_000, 'mobile_money'],
    ]);
    expect(day.items.find((i) => i.id === cash.entry.id)).toMatchObject({
      voided: true,
      client: { fullName: 'Brian Kamau' },
      staffName: 'Cashier Staff',
      receiptNumber: cash.receipt?.number,
    });
    expect(day.items.find((i) => i.kind === 'refund')).toMatchObject({
      reference: 'QJK7H2L9XP',
      relatesTo: mpesa.entry.id,
      reason: 'Overpaid',
    });
    expect(day.totals).toEqual({
      payments: { count: 2, amount: 7_000 },
      refunds: { count: 1, amount: 1_500 },
      voids: { count: 1, amount: 2_000 },
      net: 3_500,
    });
    expect(day).toMatchObject({ timeZone: 'Africa/Nairobi', currency: { code: 'USD' } });
    expect(day.staff.map((s) => s.name)).toEqual(['Ada Admin', 'Cashier Staff']);

    const next = unwrap(
      await o.viewer.call('payments.list', { filter: { from: '2030-01-16', to: '2030-01-16' } }),
    );
    expect(next.items.map((i) => [i.kind, i.amount, i.reference])).toEqual([
      ['payment', 700, 'FT-2030'],
    ]);
  });

  it('filters by reference in any case, method, staff member and kind; pages by cursor', async () => {
    const { o, late } = await office();
    const range = { from: '2030-01-01', to: '2030-01-31' };
    const byRef = unwrap(
      await o.cashier.call('payments.list', { filter: { ...range, reference: 'qjk7h2l9xp' } }),
    );
    expect(byRef.items.map((i) => i.kind)).toEqual(['refund', 'payment']);
    expect(byRef.totals.net).toBe(3_500);
    const bank = unwrap(
      await o.cashier.call('payments.list', { filter: { ...range, methods: ['bank'] } }),
    );
    expect(bank.items.map((i) => i.id)).toEqual([late.entry.id]);
    const byAdmin = unwrap(
      await o.cashier.call('payments.list', {
        filter: { ...range, staffId: o.ids.admin, kinds: ['payment'] },
      }),
    );
    expect(byAdmin.items.map((i) => i.id)).toEqual([late.entry.id]);
    const first = unwrap(await o.cashier.call('payments.list', { filter: range, limit: 3 }));
    expect(first.items).toHaveLength(3);
    expect(first.totals.payments.count).toBe(3);
    const rest = unwrap(
      await o.cashier.call('payments.list', {
        filter: range,
        limit: 3,
        cursor: first.nextCursor ?? 0,
      }),
    );
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a technician, and a bad range with a clear error', async () => {
    const { o } = await office();
    failure(
      await o.tech.call('payments.list', { filter: { from: '2030-01-01', to: '2030-01-02' } }),
      'forbidden',
    );
    failure(
      await o.cashier.call('payments.list', { filter: { from: '2030-01-05', to: '2030-01-02' } }),
      'validation',
    );
    const tooLong = failure(
      await o.cashier.call('payments.list', { filter: { from: '2028-01-01', to: '2030-01-02' } }),
      'validation',
    );
    expect(tooLong.message).toContain('400 days');
  });
});

describe('payments.export', () => {
  it('streams the filtered list as CSV in the office time zone and logs it', async () => {
    const { o } = await office();
    const { result, text, name } = await exportCsv(o, o.cashier, {
      filter: { from: '2030-01-15', to: '2030-01-16' },
    });
    expect(unwrap(result)).toEqual({ rows: 5 });
    expect(name).toBe('payments-2030-01-15-to-2030-01-16.csv');
    const rows = parseCsv(text).map((r) => r.cells);
    expect(rows[0]?.slice(0, 6)).toEqual([
      'time',
      'kind',
      'amount',
      'currency',
      'method',
      'reference',
    ]);
    expect(rows[1]?.slice(0, 6)).toEqual([
      '2030-01-16T00:30:00+03:00',
      'payment',
      '7.00',
      'USD',
      'bank',
      'FT-2030',
    ]);
    expect(rows.at(-1)?.slice(0, 6)).toEqual([
      '2030-01-15T12:00:00+03:00',
      'payment',
      '50.00',
      'USD',
      'mobile_money',
      'QJK7H2L9XP',
    ]);
    expect(entriesOf(o.core, 'payments.exported')[0]).toMatchObject({
      category: 'financial',
      details: { rows: 5 },
    });
    failure(
      (await exportCsv(o, o.tech, { filter: { from: '2030-01-15', to: '2030-01-16' } })).result,
      'forbidden',
    );
  });
});

describe('client search by payment reference', () => {
  it('finds the client who paid with a code, in any letter case, and nobody for an unknown code', async () => {
    const { o, amina } = await office();
    const found = unwrap(
      await o.cashier.call('clients.list', { filter: { search: 'qjk7h2l9xp' } }),
    );
    expect(found.items.map((c) => c.id)).toEqual([amina.id]);
    expect(found.total).toEqual({ count: 1, capped: false });
    const none = unwrap(await o.cashier.call('clients.list', { filter: { search: 'ZZZ9999' } }));
    expect(none.items).toEqual([]);
    // Other filters still apply.
    const archivedOnly = unwrap(
      await o.cashier.call('clients.list', {
        filter: { search: 'QJK7H2L9XP', statuses: ['archived'] },
      }),
    );
    expect(archivedOnly.items).toEqual([]);
  });
});
