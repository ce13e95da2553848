import { createDispatch } from '../../transport/dispatch';
import type { CallContext } from '../../transport/call-context';
import { MINUTE, type SeedContext } from './seed-context';

/** Addresses on the internet (a Kenyan mobile range) that the office never uses. */
const ATTACKERS = [
  '197.232.61.40',
  '197.232.61.41',
  '197.232.61.42',
  '197.232.61.43',
  '197.232.61.44',
];

/**
 * What the demo's alert rules find in its story (core/alerts): two days before the end someone
 * guesses the administrator's password from a handful of addresses in the afternoon (brute
 * force), and that evening the administrator takes a payment at the desk long after closing and
 * refunds it (outside office hours). The alerts are raised by the real rules when the office opens.
 * On day one the administrator sets the rules to the office's week (open every day 08:00–18:00)
 * and its currency, so that its ordinary days raise nothing.
 */
export const scheduleAlertStory = (s: SeedContext): void => {
  const day = Math.max(1, s.days - 2);
  const dispatch = createDispatch(s.core);
  // On day one: the office opens every day of the week, and its money is counted in shillings.
  s.schedule(s.officeTime(0, 9, 45), 'admin', async (a) => {
    const everyDay = '08:00-18:00';
    await s.call(a, 'alerts.updateRules', {
      rules: {
        ...Object.fromEntries(
          ['hoursMon', 'hoursTue', 'hoursWed', 'hoursThu', 'hoursFri', 'hoursSat', 'hoursSun'].map(
            (k) => [k, everyDay],
          ),
        ),
        moneyAmountPerDay: 10_000_000,
      },
    });
  });
  s.schedule(s.officeTime(day, 14, 5), 'admin', async () => {
    for (const [i, ip] of ATTACKERS.entries()) {
      s.setClock(s.now() + (i === 0 ? 0 : 40_000));
      const ctx: CallContext = {
        sessionToken: null,
        ip,
        workstation: null,
        setSessionToken: () => undefined,
      };
      const r = await dispatch.call(
        'auth.login',
        { username: 'admin', password: `Password${String(2024 + i)}!` },
        ctx,
      );
      if (r.ok) throw new Error('Demo seeding: a guessed password was accepted');
    }
  });
  s.schedule(s.officeTime(day, 21, 40), 'admin', async (a) => {
    const [client] = (
      await s.call(a, 'clients.list', { filter: { statuses: ['active'] }, limit: 1 })
    ).items;
    if (!client) return;
    const paid = await s.call(a, 'billing.pay', {
      clientId: client.id,
      amount: 150_000,
      method: 'cash',
      renew: false,
    });
    s.summary.payments += 1;
    s.setClock(s.now() + 6 * MINUTE);
    await s.call(a, 'billing.refund', {
      paymentId: paid.entry.id,
      amount: 150_000,
      reason: 'Taken against the wrong account after closing; the cash went back to the customer.',
    });
    s.summary.refunds += 1;
  });
};
