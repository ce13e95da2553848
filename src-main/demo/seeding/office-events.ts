import { DEMO_ROUTERS } from '../demo-catalog';
import { OUTAGE_ROUTER, outageDay } from './log-stories';
import { MINUTE, type OfficeIds, type SeedContext } from './seed-context';

/**
 * What happens to the whole office: the 2025 plan is retired in month two, Home 10M's price rises
 * in month four, and an outage on one tower earns its active clients a credit.
 */
export const scheduleOfficeEvents = (s: SeedContext, ids: OfficeIds): void => {
  const idOf = (key: 'home8' | 'home10') => ids.planIds.get(key) ?? 0;
  s.schedule(s.officeTime(50, 12), 'admin', async (a) => {
    await s.call(a, 'plans.retire', { id: idOf('home8') });
  });
  s.schedule(s.officeTime(100, 9, 15), 'admin', async (a) => {
    const p = await s.call(a, 'plans.update', { id: idOf('home10'), price: 270_000 });
    ids.prices.set('home10', p.price);
  });
  // The morning the tower's power came back (log-stories.ts).
  s.schedule(s.officeTime(outageDay(s), 10), 'admin', async (a) => {
    const routerId = ids.routerIds[OUTAGE_ROUTER] ?? 0;
    const affected = await s.call(a, 'clients.list', {
      filter: { routerId, statuses: ['active'] },
      limit: 12,
    });
    for (const item of affected.items) {
      s.setClock(s.now() + MINUTE);
      await s.call(a, 'billing.adjust', {
        clientId: item.id,
        amount: 10_000,
        reason: `Outage credit: ${DEMO_ROUTERS[OUTAGE_ROUTER]?.name ?? 'tower'} was down for six hours.`,
      });
      s.summary.adjustments += 1;
    }
  });
};
