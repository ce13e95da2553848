import type { In } from '../../contract/api';
import type { DemoClient } from './demo-client';
import { DAY, MINUTE, type OfficeIds, type SeedContext, type StaffKey } from './seed-context';

/**
 * A client's payments at the counter, each scheduling the next around its new expiry: mostly the
 * exact price by M-Pesa, cash or bank; some round up or pay part; now and then one keyed in wrong
 * (voided by the administrator next morning) or entered twice (refunded next day). Churning
 * clients stop after a few payments, and those who leave are archived a few weeks later.
 */
export const schedulePayment = (
  s: SeedContext,
  ids: OfficeIds,
  c: DemoClient,
  at: number,
): void => {
  const { rng, summary } = s;
  if (at >= c.stopsAt) return;
  s.schedule(at, cashier(s), async (desk) => {
    const price = ids.prices.get(c.plan) ?? 0;
    const method: In<'billing.pay'>['method'] = c.business
      ? 'bank'
      : rng.chance(0.7)
        ? 'mobile_money'
        : 'cash';
    const reference =
      method === 'mobile_money'
        ? mpesaCode(s)
        : method === 'bank'
          ? `FT${rng.chars(8, '0123456789')}`
          : undefined;
    const roll = rng.next();
    // Mostly the exact price; some round up (credit), a few pay part of it (owing).
    const amount =
      roll < 0.1
        ? Math.ceil(price / 50_000) * 50_000 + 50_000
        : roll < 0.14
          ? Math.round(price * 0.6)
          : price;
    if (rng.chance(0.005)) {
      // Keyed in wrong and voided by the administrator, then taken again correctly.
      const wrong = await s.call(desk, 'billing.pay', {
        clientId: c.id,
        amount: amount * 10,
        method,
        renew: false,
        ...(reference ? { reference } : {}),
      });
      summary.payments += 1;
      s.schedule(s.duringDay(s.dayOf(s.now()) + 1), 'admin', async (a) => {
        // Voided the next morning, once the drawer did not add up.
        await s.call(a, 'billing.void', {
          entryId: wrong.entry.id,
          reason: 'Amount keyed in with an extra zero; taken again correctly.',
        });
        summary.voids += 1;
      });
      s.setClock(s.now() + MINUTE);
    }
    const paid = await s.call(desk, 'billing.pay', {
      clientId: c.id,
      amount,
      method,
      renew: true,
      ...(reference ? { reference } : {}),
    });
    summary.payments += 1;
    if (method === 'mobile_money' && rng.chance(0.02)) {
      // The same M-Pesa message entered twice: refunded the next working day.
      s.setClock(s.now() + rng.between(2, 9) * MINUTE);
      const twice = await s.call(desk, 'billing.pay', {
        clientId: c.id,
        amount,
        method,
        renew: false,
        ...(reference ? { reference: `${reference}-2` } : {}),
      });
      summary.payments += 1;
      s.schedule(s.duringDay(s.dayOf(s.now()) + 1), 'admin', async (a) => {
        await s.call(a, 'billing.refund', {
          paymentId: twice.entry.id,
          amount,
          reason: 'Duplicate M-Pesa payment entered twice; refunded to the same number.',
        });
        summary.refunds += 1;
      });
    }
    c.paymentsLeft -= 1;
    if (c.profile === 'churn' || c.profile === 'archive') {
      if (c.paymentsLeft <= 0) {
        if (c.profile === 'archive') scheduleArchive(s, c, paid.client.expiresAt);
        return;
      }
    }
    const expires = paid.client.expiresAt;
    const weekly = c.plan === 'weekly';
    const next =
      c.profile === 'late'
        ? expires + rng.between(1, weekly ? 3 : 8) * DAY
        : expires - rng.between(0, weekly ? 1 : 3) * DAY;
    schedulePayment(s, ids, c, Math.max(s.duringDay(s.dayOf(next)), s.now() + DAY));
  });
};

/** A client who left: archived by the technician three to six weeks after the last expiry. */
const scheduleArchive = (s: SeedContext, c: DemoClient, expiresAt: number) => {
  const { rng } = s;
  const day = s.dayOf(expiresAt) + rng.between(20, 40);
  s.schedule(s.duringDay(day), 'tom', async (t) => {
    await s.call(t, 'clients.archive', {
      id: c.id,
      reason: rng.pick([
        'Moved away from the area.',
        'Switched to fibre from another provider.',
        'Closed the business.',
      ]),
    });
    s.summary.archived += 1;
  });
};

/** Grace takes most payments, Peter the rest. */
const cashier = (s: SeedContext): StaffKey => (s.rng.chance(0.6) ? 'grace' : 'peter');

/** An M-Pesa transaction code. */
const mpesaCode = (s: SeedContext) =>
  s.rng.chars(1, 'QRST') + s.rng.chars(9, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');
