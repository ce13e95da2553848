import type { In, Out } from '../contract/api';
import type { ProcedureName } from '../contract/channels';
import type { AuthPolicy } from '../core/auth/auth-policy';
import type { Core } from '../core/create-core';
import type { CallContext } from '../transport/call-context';
import { createDispatch } from '../transport/dispatch';
import {
  BUSINESS_NAMES,
  DEMO_PASSWORD,
  DEMO_PLANS,
  DEMO_ROUTER_USER,
  DEMO_ROUTERS,
  DEMO_SETTINGS,
  DEMO_STAFF,
  FIRST_NAMES,
  LAST_NAMES,
  OFFICE_UTC_OFFSET_MS,
  STREETS,
  type DemoPlanKey,
  type DemoStaff,
} from './demo-catalog';
import { demoRandom, type DemoRandom } from './demo-random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * The seeding core's sign-in policy: demo passwords hashed cheaply (the first real sign-in
 * rehashes them with the OWASP parameters) and sessions that last a working day, so that staff
 * sign in once each morning instead of after every pause. The core given to the seeder must use it.
 */
export const SEEDING_AUTH_POLICY: Partial<AuthPolicy> = {
  scrypt: { N: 2 ** 8, r: 8, p: 1 },
  idleTimeoutMs: 11 * HOUR,
};
/** Staff sign out before a pause longer than this (below the seeding policy's idle timeout). */
const MAX_GAP = 10 * HOUR;

export type SeedOptions = {
  /** The history ends just before this moment (epoch ms); the live app continues from it. */
  endAt: number;
  /** Moves the clock the seeding core was created with (it never goes back). */
  setClock: (ms: number) => void;
  /** API port of each demo router's simulator, in DEMO_ROUTERS order. */
  routerPorts: readonly number[];
  seed?: number;
  clients?: number;
  days?: number;
};

export type SeedSummary = {
  clients: number;
  payments: number;
  refunds: number;
  voids: number;
  adjustments: number;
  suspended: number;
  archived: number;
  /** Activity-log entries written. */
  entries: number;
};

type StaffKey = DemoStaff['key'];
type Desk = {
  staff: DemoStaff;
  ctx: CallContext & { sessionToken: string | null };
  /** Still on the password the administrator gave them. */
  firstDay: boolean;
};

const firstDayPassword = (s: DemoStaff) => `welcome-${s.username}-2026`;
type Task = { at: number; who: StaffKey; seq: number; run: (desk: Desk) => Promise<void> };
type Profile = 'prompt' | 'late' | 'churn' | 'suspend' | 'archive';

type DemoClient = {
  id: number;
  plan: DemoPlanKey;
  profile: Profile;
  /** Payments left before a churning client stops paying. */
  paymentsLeft: number;
  business: boolean;
  /** Suspended or archived from this moment on: no more payments. */
  stopsAt: number;
};

const staffOf = (key: StaffKey): DemoStaff => {
  const s = DEMO_STAFF.find((x) => x.key === key);
  if (!s) throw new Error(`no demo staff ${key}`);
  return s;
};

/**
 * Seeds a demo office into a fresh core through the same dispatcher the app's screens use, in
 * time order on the core's controllable clock: setup, staff, routers, plans, then about six
 * months of sign-ups, payments and renewals, late payers who expire (the real expiry job) and
 * come back, churn, suspensions, archived clients, refunds, voids and outage credits. Router work
 * is pushed to the simulated routers by the real queue. Same options, same office.
 */
export const seedDemoOffice = async (core: Core, opts: SeedOptions): Promise<SeedSummary> => {
  const rng: DemoRandom = demoRandom(opts.seed ?? 2026);
  const days = opts.days ?? 182;
  const clientTarget = opts.clients ?? 300;
  const dispatch = createDispatch(core);
  // Nothing is scheduled in the last half hour, so the seeded clock stays behind the real one.
  const endAt = opts.endAt - 30 * MINUTE;
  // Midnight in the office, `days` days ago.
  const today = Math.floor((opts.endAt + OFFICE_UTC_OFFSET_MS) / DAY) * DAY - OFFICE_UTC_OFFSET_MS;
  const firstDay = today - (days - 1) * DAY;
  let now = firstDay;
  const setClock = (ms: number) => {
    now = Math.max(now, ms);
    opts.setClock(now);
  };
  const officeTime = (day: number, hour: number, minute = 0) =>
    firstDay + day * DAY + hour * HOUR + minute * MINUTE;
  const dayOf = (ms: number) => Math.floor((ms - firstDay) / DAY);

  const desks = new Map<StaffKey, Desk>(
    DEMO_STAFF.map((staff) => {
      const ctx: Desk['ctx'] = {
        sessionToken: null,
        ip: staff.ip,
        workstation: staff.workstation,
        setSessionToken: (token) => {
          ctx.sessionToken = token;
        },
      };
      return [staff.key, { staff, ctx, firstDay: staff.key !== 'admin' }];
    }),
  );
  const deskOf = (key: StaffKey): Desk => {
    const d = desks.get(key);
    if (!d) throw new Error(`no desk for ${key}`);
    return d;
  };

  const call = async <K extends ProcedureName>(desk: Desk, name: K, input: In<K>) => {
    const r = await dispatch.call(name, input, desk.ctx);
    if (!r.ok) {
      throw new Error(
        `Demo seeding: ${name} by ${desk.staff.username} failed (${r.error.code}): ${r.error.message}`,
      );
    }
    return r.value as Out<K>;
  };
  /** The queue worker's pass, as the app runs it right after a change that queued router work. */
  const push = async () => {
    if (core.services.sync.pending() > 0) await core.services.sync.drain();
  };

  const summary: SeedSummary = {
    clients: 0,
    payments: 0,
    refunds: 0,
    voids: 0,
    adjustments: 0,
    suspended: 0,
    archived: 0,
    entries: 0,
  };

  // --- day 0, morning: the administrator sets the office up ------------------------------------
  const admin = deskOf('admin');
  setClock(officeTime(0, 9));
  await call(admin, 'auth.setup', {
    username: staffOf('admin').username,
    displayName: staffOf('admin').displayName,
    password: DEMO_PASSWORD,
  });
  setClock(now + 2 * MINUTE);
  await call(admin, 'settings.update', DEMO_SETTINGS);
  for (const s of DEMO_STAFF.filter((x) => x.key !== 'admin')) {
    setClock(now + rng.between(1, 3) * MINUTE);
    // A first-day password: each of them chooses their own (the demo password) at first sign-in.
    await call(admin, 'staff.create', {
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      password: firstDayPassword(s),
    });
  }
  const routerIds: number[] = [];
  for (const [i, r] of DEMO_ROUTERS.entries()) {
    setClock(now + rng.between(2, 6) * MINUTE);
    const port = opts.routerPorts[i];
    if (port === undefined) throw new Error(`Demo seeding: no port for router ${r.name}`);
    const created = await call(admin, 'routers.create', {
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
  setClock(now + 3 * MINUTE);
  await call(admin, 'routers.updateSettings', { autoSyncFix: true, autoSyncIntervalMin: 30 });
  const planIds = new Map<DemoPlanKey, number>();
  const prices = new Map<DemoPlanKey, number>();
  for (const p of DEMO_PLANS) {
    setClock(now + rng.between(2, 5) * MINUTE);
    const plan = await call(admin, 'plans.create', p.input);
    planIds.set(p.key, plan.id);
    prices.set(p.key, plan.price);
  }
  await push();
  setClock(now + 4 * MINUTE);
  await call(admin, 'auth.logout', undefined);
  admin.ctx.sessionToken = null;

  // --- the plan of the next six months --------------------------------------------------------
  const tasks: Task[] = [];
  let seq = 0;
  const schedule = (at: number, who: StaffKey, run: Task['run']) => {
    if (at < endAt) tasks.push({ at, who, seq: (seq += 1), run });
  };
  /** A moment in office hours on `day` (08:30–17:30 in Nairobi). */
  const duringDay = (day: number) => officeTime(day, 8, 30) + rng.int(9 * 60) * MINUTE;
  const cashier = (): StaffKey => (rng.chance(0.6) ? 'grace' : 'peter');
  const idOf = (key: DemoPlanKey) => planIds.get(key) ?? 0;
  const priceOf = (key: DemoPlanKey) => prices.get(key) ?? 0;
  const mpesaCode = () => rng.chars(1, 'QRST') + rng.chars(9, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789');

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

  const pay = (c: DemoClient, at: number) => {
    if (at >= c.stopsAt) return;
    schedule(at, cashier(), async (desk) => {
      const price = priceOf(c.plan);
      const method: In<'billing.pay'>['method'] = c.business
        ? 'bank'
        : rng.chance(0.7)
          ? 'mobile_money'
          : 'cash';
      const reference =
        method === 'mobile_money'
          ? mpesaCode()
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
        const wrong = await call(desk, 'billing.pay', {
          clientId: c.id,
          amount: amount * 10,
          method,
          renew: false,
          ...(reference ? { reference } : {}),
        });
        summary.payments += 1;
        schedule(duringDay(dayOf(now) + 1), 'admin', async (a) => {
          // Voided the next morning, once the drawer did not add up.
          await call(a, 'billing.void', {
            entryId: wrong.entry.id,
            reason: 'Amount keyed in with an extra zero; taken again correctly.',
          });
          summary.voids += 1;
        });
        setClock(now + MINUTE);
      }
      const paid = await call(desk, 'billing.pay', {
        clientId: c.id,
        amount,
        method,
        renew: true,
        ...(reference ? { reference } : {}),
      });
      summary.payments += 1;
      if (method === 'mobile_money' && rng.chance(0.02)) {
        // The same M-Pesa message entered twice: refunded the next working day.
        setClock(now + rng.between(2, 9) * MINUTE);
        const twice = await call(desk, 'billing.pay', {
          clientId: c.id,
          amount,
          method,
          renew: false,
          ...(reference ? { reference: `${reference}-2` } : {}),
        });
        summary.payments += 1;
        schedule(duringDay(dayOf(now) + 1), 'admin', async (a) => {
          await call(a, 'billing.refund', {
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
          if (c.profile === 'archive') {
            const day = dayOf(paid.client.expiresAt) + rng.between(20, 40);
            schedule(duringDay(day), 'tom', async (t) => {
              await call(t, 'clients.archive', {
                id: c.id,
                reason: rng.pick([
                  'Moved away from the area.',
                  'Switched to fibre from another provider.',
                  'Closed the business.',
                ]),
              });
              summary.archived += 1;
            });
          }
          return;
        }
      }
      const expires = paid.client.expiresAt;
      const weekly = c.plan === 'weekly';
      const next =
        c.profile === 'late'
          ? expires + rng.between(1, weekly ? 3 : 8) * DAY
          : expires - rng.between(0, weekly ? 1 : 3) * DAY;
      pay(c, Math.max(duringDay(dayOf(next)), now + DAY));
    });
  };

  let staticHosts = 10;
  const signUp = (day: number) => {
    const router = rng.weighted([...DEMO_ROUTERS.keys()], (i) => DEMO_ROUTERS[i]?.weight ?? 0);
    const routerDef = DEMO_ROUTERS[router];
    const routerId = routerIds[router];
    if (!routerDef || routerId === undefined) throw new Error('Demo seeding: router missing');
    // Hotspot users are served by the CBD hub only; the 2025 plan stops selling in month two.
    const plans = DEMO_PLANS.filter(
      (p) =>
        (p.key !== 'hotspot' || routerDef.name === 'CBD Hub') && (p.key !== 'home8' || day < 45),
    );
    const plan = rng.weighted(plans, (p) => p.weight).key;
    const business = plan === 'biz50';
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const fullName = business ? rng.pick(BUSINESS_NAMES) : `${first} ${last}`;
    const area = rng.pick(routerDef.area);
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
    const at = duringDay(day);
    if (profile === 'suspend') {
      c.stopsAt = at + rng.between(20, 90) * DAY;
      schedule(c.stopsAt, 'tom', async (t) => {
        await call(t, 'clients.update', {
          id: c.id,
          status: 'suspended',
          notes: rng.pick([
            'Suspended: equipment reported stolen, waiting for a police abstract.',
            'Suspended at the client’s request while travelling.',
            'Suspended: sharing the connection with neighbours against the terms.',
          ]),
        });
        summary.suspended += 1;
      });
    }
    schedule(at, 'tom', async (t) => {
      c.id = (await call(t, 'clients.create', input)).id;
      summary.clients += 1;
    });
    // The first payment at the counter, a few minutes after the installation was entered.
    pay(c, at + rng.between(3, 12) * MINUTE);
    if (plan === 'home8') {
      // Month two: the 2025 plan is retired and its clients move to Home 10M.
      schedule(officeTime(50, 10) + rng.int(60) * MINUTE, 'tom', async (t) => {
        if (c.stopsAt <= now) return;
        await call(t, 'clients.update', { id: c.id, planId: idOf('home10') });
        c.plan = 'home10';
      });
    }
  };

  const early = Math.round(clientTarget * 0.6);
  for (let i = 0; i < clientTarget; i++) {
    // Most of the base is entered in the first two weeks, then a steady trickle of sign-ups.
    const day = i < early ? rng.between(0, 13) : rng.between(14, Math.max(14, days - 2));
    signUp(day);
  }
  schedule(officeTime(50, 12), 'admin', async (a) => {
    await call(a, 'plans.retire', { id: idOf('home8') });
  });
  schedule(officeTime(100, 9, 15), 'admin', async (a) => {
    const p = await call(a, 'plans.update', { id: idOf('home10'), price: 270_000 });
    prices.set('home10', p.price);
  });
  // An outage on one tower: its clients get a credit.
  const outageDay = Math.min(days - 3, 120);
  schedule(officeTime(outageDay, 10), 'admin', async (a) => {
    const routerId = routerIds[1] ?? 0;
    const affected = await call(a, 'clients.list', {
      filter: { routerId, statuses: ['active'] },
      limit: 12,
    });
    for (const item of affected.items) {
      setClock(now + MINUTE);
      await call(a, 'billing.adjust', {
        clientId: item.id,
        amount: 10_000,
        reason: `Outage credit: ${DEMO_ROUTERS[1]?.name ?? 'tower'} was down for six hours.`,
      });
      summary.adjustments += 1;
    }
  });

  // --- play it out, day by day ------------------------------------------------------------------
  for (let day = 0; day < days; day++) {
    if (day > 0) {
      // The expiry job, as the running app does it (pushes isolation to the routers).
      if (officeTime(day, 0, 5) >= endAt) break;
      setClock(officeTime(day, 0, 5));
      await core.services.expiry.run(core.systemMeta());
    }
    const dayEnd = officeTime(day + 1, 0);
    const todays = tasks.filter((t) => t.at < dayEnd).sort((a, b) => a.at - b.at || a.seq - b.seq);
    if (todays.length === 0) continue;
    const rest = tasks.filter((t) => t.at >= dayEnd);
    tasks.length = 0;
    tasks.push(...rest);
    await playDay(todays, rng, setClock, deskOf, call, push);
  }
  await push();
  summary.entries = core.services.demo.logEntries();
  return summary;
};

type Step =
  | { at: number; seq: number; kind: 'login' | 'logout'; who: StaffKey }
  | { at: number; seq: number; kind: 'task'; task: Task };

/** One working day: each staff member signs in before their first task and after any long pause. */
const playDay = async (
  todays: Task[],
  rng: DemoRandom,
  setClock: (ms: number) => void,
  deskOf: (key: StaffKey) => Desk,
  call: <K extends ProcedureName>(desk: Desk, name: K, input: In<K>) => Promise<Out<K>>,
  push: () => Promise<unknown>,
) => {
  const steps: Step[] = [];
  let seq = 0;
  const byStaff = new Map<StaffKey, Task[]>();
  for (const t of todays) byStaff.set(t.who, [...(byStaff.get(t.who) ?? []), t]);
  for (const [who, list] of byStaff) {
    list.forEach((t, i) => {
      const prev = list[i - 1];
      const next = list[i + 1];
      if (!prev || t.at - prev.at > MAX_GAP) {
        steps.push({ at: t.at - rng.between(1, 3) * MINUTE, seq: (seq += 1), kind: 'login', who });
      }
      steps.push({ at: t.at, seq: (seq += 1), kind: 'task', task: t });
      if (!next || next.at - t.at > MAX_GAP) {
        steps.push({ at: t.at + rng.between(1, 4) * MINUTE, seq: (seq += 1), kind: 'logout', who });
      }
    });
  }
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const step of steps) {
    setClock(step.at);
    if (step.kind === 'task') {
      await step.task.run(deskOf(step.task.who));
      await push();
      continue;
    }
    const desk = deskOf(step.who);
    if (step.kind === 'login') {
      const password = desk.firstDay ? firstDayPassword(desk.staff) : DEMO_PASSWORD;
      await call(desk, 'auth.login', { username: desk.staff.username, password });
      if (desk.firstDay) {
        await call(desk, 'auth.changePassword', {
          currentPassword: password,
          newPassword: DEMO_PASSWORD,
        });
        desk.firstDay = false;
      }
    } else if (desk.ctx.sessionToken !== null) {
      await call(desk, 'auth.logout', undefined);
    }
  }
};
