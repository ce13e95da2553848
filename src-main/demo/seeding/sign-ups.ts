import type { In } from '../../contract/api';
import { DEMO_PLANS, DEMO_ROUTERS, STREETS } from '../demo-catalog';
import { createNamePicker } from './client-names';
import type { DemoClient, Profile } from './demo-client';
import { schedulePayment } from './payments';
import { DAY, MINUTE, type OfficeIds, type SeedContext } from './seed-context';

/**
 * The client base: most of it entered in the first two weeks, then a steady trickle. Each
 * sign-up is a client entered by the technician, its first payment at the counter minutes later,
 * and what becomes of it (suspension, the move off the retired 2025 plan).
 */
export const scheduleSignUps = (s: SeedContext, ids: OfficeIds): void => {
  const signUp = signUps(s, ids);
  const early = Math.round(s.clientTarget * 0.6);
  for (let i = 0; i < s.clientTarget; i++) {
    const day = i < early ? s.rng.between(0, 13) : s.rng.between(14, Math.max(14, s.days - 2));
    signUp(day);
  }
};

/** One sign-up on a given day; names and logins stay unique, business static addresses count up. */
const signUps = (s: SeedContext, ids: OfficeIds) => {
  const { rng } = s;
  const names = createNamePicker(rng);
  const logins = new Set<string>();
  const loginFor = (first: string, last: string) => {
    const base = `${first[0] ?? 'x'}${last}`.toLowerCase().replace(/[^a-z]/g, '');
    for (let n = rng.between(1, 99); ; n++) {
      const login = `${base}${String(n)}`;
      if (!logins.has(login)) {
        logins.add(login);
        return login;
      }
    }
  };
  const idOf = (key: DemoClient['plan']) => ids.planIds.get(key) ?? 0;
  let staticHosts = 10;

  return (day: number) => {
    const router = rng.weighted([...DEMO_ROUTERS.keys()], (i) => DEMO_ROUTERS[i]?.weight ?? 0);
    const routerDef = DEMO_ROUTERS[router];
    const routerId = ids.routerIds[router];
    if (!routerDef || routerId === undefined) throw new Error('Demo seeding: router missing');
    // Hotspot users are served by the CBD hub only; the 2025 plan stops selling in month two.
    const plans = DEMO_PLANS.filter(
      (p) =>
        (p.key !== 'hotspot' || routerDef.name === 'CBD Hub') && (p.key !== 'home8' || day < 45),
    );
    const plan = rng.weighted(plans, (p) => p.weight).key;
    const business = plan === 'biz50';
    const area = rng.pick(routerDef.area);
    const { first, last, fullName: personName } = names.person();
    const fullName = business ? names.business(area) : personName;
    const profile: Profile = rng.weighted(
      [
        ['prompt', 58],
        ['late', 22],
        ['churn', 11],
        ['suspend', 4],
        ['archive', 5],
      ] as const,
      ([, w]) => w,
    )[0];
    const c: DemoClient = {
      id: 0,
      plan,
      profile,
      paymentsLeft: rng.between(1, 4),
      business,
      stopsAt: Number.POSITIVE_INFINITY,
    };
    const input: In<'clients.create'> = {
      fullName,
      phone: `+254 7${rng.chars(2, '0123456789')} ${rng.chars(3, '0123456789')} ${rng.chars(3, '0123456789')}`,
      ...(business || rng.chance(0.4)
        ? {
            email: business
              ? `info@${fullName.toLowerCase().replace(/[^a-z]+/g, '')}.co.ke`
              : `${first}.${last}${String(rng.between(1, 99))}@gmail.com`.toLowerCase(),
          }
        : {}),
      address: business
        ? `${rng.pick(['Shop', 'Suite', 'Unit'])} ${String(rng.between(1, 40))}, ${area} ${rng.pick(STREETS)}`
        : `House ${String(rng.between(1, 180))}, ${area} ${rng.pick(STREETS)}`,
      ...(rng.chance(0.6)
        ? {
            gps: {
              lat: Math.round((-1.29 + (rng.next() - 0.5) * 0.16) * 1e5) / 1e5,
              lng: Math.round((36.82 + (rng.next() - 0.5) * 0.2) * 1e5) / 1e5,
            },
          }
        : {}),
      serviceType: plan === 'hotspot' ? 'hotspot' : 'pppoe',
      serviceLogin: loginFor(first, last),
      servicePassword: rng.chars(10, 'abcdefghjkmnpqrstuvwxyz23456789'),
      ...(business ? { staticIp: `10.60.${String(router)}.${String((staticHosts += 1))}` } : {}),
      planId: idOf(plan),
      routerId,
      ...(rng.chance(0.15)
        ? {
            notes: rng.pick([
              'Rooftop antenna, aligned to the tower.',
              'Prefers SMS reminders before expiry.',
              'Router inside the shop; call before visiting.',
              'Referred by a neighbour.',
            ]),
          }
        : {}),
    };
    const at = s.duringDay(day);
    if (profile === 'suspend') scheduleSuspension(s, c, at);
    s.schedule(at, 'tom', async (t) => {
      c.id = (await s.call(t, 'clients.create', input)).id;
      s.summary.clients += 1;
    });
    // The first payment at the counter, a few minutes after the installation was entered.
    schedulePayment(s, ids, c, at + rng.between(3, 12) * MINUTE);
    if (plan === 'home8') {
      // Month two: the 2025 plan is retired and its clients move to Home 10M.
      s.schedule(s.officeTime(50, 10) + rng.int(60) * MINUTE, 'tom', async (t) => {
        if (c.stopsAt <= s.now()) return;
        await s.call(t, 'clients.update', { id: c.id, planId: idOf('home10') });
        c.plan = 'home10';
      });
    }
  };
};

/** A client suspended by the technician three weeks to three months after signing up. */
const scheduleSuspension = (s: SeedContext, c: DemoClient, signedUpAt: number) => {
  const { rng } = s;
  c.stopsAt = signedUpAt + rng.between(20, 90) * DAY;
  s.schedule(c.stopsAt, 'tom', async (t) => {
    await s.call(t, 'clients.update', {
      id: c.id,
      status: 'suspended',
      notes: rng.pick([
        'Suspended: equipment reported stolen, waiting for a police abstract.',
        'Suspended at the client’s request while travelling.',
        'Suspended: sharing the connection with neighbours against the terms.',
      ]),
    });
    s.summary.suspended += 1;
  });
};
