import {
  DEMO_PASSWORD,
  DEMO_PLANS,
  DEMO_ROUTER_USER,
  DEMO_ROUTERS,
  DEMO_SETTINGS,
  DEMO_STAFF,
  type DemoPlanKey,
} from '../demo-catalog';
import {
  firstDayPassword,
  MINUTE,
  staffOf,
  type OfficeIds,
  type SeedContext,
} from './seed-context';

/**
 * Day 0, morning: the administrator sets the office up (first-run setup, the office's settings),
 * gives each member of staff an account, adds the demo routers and the plans, then signs out.
 */
export const openTheOffice = async (
  s: SeedContext,
  routerPorts: readonly number[],
): Promise<OfficeIds> => {
  const { rng } = s;
  const admin = s.deskOf('admin');
  s.setClock(s.officeTime(0, 9));
  await s.call(admin, 'auth.setup', {
    username: staffOf('admin').username,
    displayName: staffOf('admin').displayName,
    password: DEMO_PASSWORD,
  });
  s.setClock(s.now() + 2 * MINUTE);
  await s.call(admin, 'settings.update', DEMO_SETTINGS);
  for (const staff of DEMO_STAFF.filter((x) => x.key !== 'admin')) {
    s.setClock(s.now() + rng.between(1, 3) * MINUTE);
    // A first-day password: each of them chooses their own (the demo password) at first sign-in.
    await s.call(admin, 'staff.create', {
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      password: firstDayPassword(staff),
    });
  }
  const routerIds: number[] = [];
  for (const [i, r] of DEMO_ROUTERS.entries()) {
    s.setClock(s.now() + rng.between(2, 6) * MINUTE);
    const port = routerPorts[i];
    if (port === undefined) throw new Error(`Demo seeding: no port for router ${r.name}`);
    const created = await s.call(admin, 'routers.create', {
      name: r.name,
      host: '127.0.0.1',
      port,
      apiUser: DEMO_ROUTER_USER.name,
      password: DEMO_ROUTER_USER.password,
      pollIntervalSec: 30,
      notes: `RouterOS ${r.version}; serves ${r.area.join(', ')}.`,
    });
    routerIds.push(created.id);
  }
  s.setClock(s.now() + 3 * MINUTE);
  await s.call(admin, 'routers.updateSettings', { autoSyncFix: true, autoSyncIntervalMin: 30 });
  const planIds = new Map<DemoPlanKey, number>();
  const prices = new Map<DemoPlanKey, number>();
  for (const p of DEMO_PLANS) {
    s.setClock(s.now() + rng.between(2, 5) * MINUTE);
    const plan = await s.call(admin, 'plans.create', p.input);
    planIds.set(p.key, plan.id);
    prices.set(p.key, plan.price);
  }
  await s.push();
  s.setClock(s.now() + 4 * MINUTE);
  await s.call(admin, 'auth.logout', undefined);
  admin.ctx.sessionToken = null;
  return { routerIds, planIds, prices };
};
