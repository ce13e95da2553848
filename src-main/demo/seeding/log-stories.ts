import type { CallContext } from '../../transport/call-context';
import { MINUTE, type OfficeIds, type SeedContext } from './seed-context';

/** The tower that loses power (its clients get an outage credit afterwards). */
export const OUTAGE_ROUTER = 1;

/** The day of the tower's outage: month four, or near the end of a shorter history. */
export const outageDay = (s: SeedContext): number => Math.min(s.days - 3, 120);

/** The tower's power cut: from 03:52 until the power comes back at 09:54 (office time). */
export const outageWindow = (s: SeedContext): { from: number; to: number } => {
  const day = outageDay(s);
  return { from: s.officeTime(day, 3, 52), to: s.officeTime(day, 9, 54) };
};

/**
 * What the activity log is for, played out through the real services so that each story is a
 * genuine chain of entries: the routers' first health check, a member of staff mistyping a
 * password, a stranger on the office network trying passwords at night (the account locks), a
 * tower that loses power (offline, a change that fails to reach it, back online, the change
 * retried), and a money change made late in the evening. Refunds and voids with their reasons
 * come from the payments (payments.ts).
 */
export const scheduleLogStories = (s: SeedContext, ids: OfficeIds): void => {
  scheduleFirstHealthCheck(s);
  scheduleMistypedPassword(s);
  scheduleBruteForce(s);
  scheduleOutage(s, ids);
  scheduleAfterHoursCredit(s);
};

/** The routers were added on day 0: the health monitor sees each of them for the first time. */
const scheduleFirstHealthCheck = (s: SeedContext) => {
  s.happen(s.officeTime(0, 11), async () => {
    await s.core.services.health.pollNow();
  });
};

/** A cashier types last year's password, then the right one. */
const scheduleMistypedPassword = (s: SeedContext) => {
  const day = Math.min(33, s.days - 2);
  const peter = s.deskOf('peter');
  s.happen(s.officeTime(day, 8, 19), async () => {
    await s.attempt(peter.ctx, 'auth.login', {
      username: peter.staff.username,
      password: 'demo-office-2025',
    });
  });
  // His first task of the morning signs him in a few minutes later.
  s.schedule(s.officeTime(day, 8, 25), 'peter', async (p) => {
    await s.call(p, 'clients.list', { limit: 20 });
  });
};

/** An address on the office network nobody knows, trying passwords one night. */
export const BRUTE_FORCE_IP = '10.10.0.87';
const BRUTE_FORCE_TRIES = [
  'admin',
  'admin',
  'admin',
  'admin',
  'admin',
  'admin',
  'administrator',
  'root',
  'amina',
  'admin',
  'grace',
  'admin',
];
const GUESSES = ['admin', '123456', 'password', 'admin123', 'isp2026', 'Password1', 'qwerty'];

const scheduleBruteForce = (s: SeedContext) => {
  const day = Math.min(76, s.days - 2);
  const stranger: CallContext = {
    sessionToken: null,
    ip: BRUTE_FORCE_IP,
    workstation: null,
    setSessionToken: () => undefined,
  };
  s.happen(s.officeTime(day, 2, 13), async () => {
    for (const [i, username] of BRUTE_FORCE_TRIES.entries()) {
      s.setClock(s.now() + s.rng.between(4, 25) * 1000);
      await s.attempt(stranger, 'auth.login', {
        username,
        password: GUESSES[i % GUESSES.length] ?? 'admin',
      });
    }
  });
};

/**
 * A tower loses power before dawn: the health monitor finds it offline; a password change the
 * technician makes for one of its clients cannot reach it and waits in the queue; the power comes
 * back, the monitor finds it online, and the queue sends the change again. (Its clients get an
 * outage credit afterwards: office-events.ts.)
 */
const scheduleOutage = (s: SeedContext, ids: OfficeIds) => {
  const day = outageDay(s);
  const outage = outageWindow(s);
  const routerId = ids.routerIds[OUTAGE_ROUTER] ?? 0;
  s.happen(outage.from, async () => {
    await s.routers.setReachable(OUTAGE_ROUTER, false);
    // Two failed checks in a row before it counts as offline (the first may be a blip).
    await s.core.services.health.pollNow([routerId]);
    s.setClock(s.now() + MINUTE);
    await s.core.services.health.pollNow([routerId]);
  });
  s.schedule(s.officeTime(day, 8, 41), 'tom', async (t) => {
    const { items } = await s.call(t, 'clients.list', {
      filter: { routerId, statuses: ['active'] },
      limit: 1,
    });
    const client = items[0];
    if (!client) return;
    await s.call(t, 'clients.update', {
      id: client.id,
      servicePassword: s.rng.chars(10, 'abcdefghjkmnpqrstuvwxyz23456789'),
      notes: 'Asked for a new connection password on the phone.',
    });
  });
  s.happen(outage.to, async () => {
    await s.routers.setReachable(OUTAGE_ROUTER, true);
    await s.core.services.health.pollNow([routerId]);
    await s.push();
  });
};

/** The administrator credits a client from home, late in the evening. */
const scheduleAfterHoursCredit = (s: SeedContext) => {
  const day = Math.min(97, s.days - 2);
  s.schedule(s.officeTime(day, 22, 37), 'admin', async (a) => {
    const { items } = await s.call(a, 'clients.list', {
      filter: { statuses: ['active'] },
      limit: 1,
    });
    const client = items[0];
    if (!client) return;
    await s.call(a, 'billing.adjust', {
      clientId: client.id,
      amount: 50_000,
      reason: 'Goodwill credit promised on a late call about slow speeds.',
    });
    s.summary.adjustments += 1;
  });
};
