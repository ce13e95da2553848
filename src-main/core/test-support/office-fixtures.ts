import type { In, Out } from '../../contract/api';
import {
  addStaff,
  signInAdmin,
  testCore,
  unwrap,
  type TestClient,
  type TestCore,
  type CoreUnderTest,
  type TestCoreOptions,
} from './test-core';
import { planInput } from './plan-input';

export { planInput };

/** One core with a signed-in member of every role, each from their own workstation address. */
export type Office = {
  tc: TestCore;
  core: CoreUnderTest;
  admin: TestClient;
  cashier: TestClient;
  tech: TestClient;
  viewer: TestClient;
  ids: { admin: number; cashier: number; tech: number; viewer: number };
};

export const IPS = {
  admin: '10.0.0.5',
  cashier: '10.0.0.21',
  tech: '10.0.0.31',
  viewer: '10.0.0.41',
} as const;

/** Sessions that outlive the days these tests move the clock by. */
const YEAR_MS = 366 * 86_400_000;

export const officeCore = async (opts: TestCoreOptions = {}): Promise<Office> => {
  const tc = testCore({
    ...opts,
    authPolicy: { idleTimeoutMs: YEAR_MS, absoluteLifetimeMs: YEAR_MS, ...opts.authPolicy },
  });
  const admin = await signInAdmin(tc, { ip: IPS.admin });
  const cashier = await addStaff(tc, admin, 'cashier', 'cashier', { ip: IPS.cashier });
  const tech = await addStaff(tc, admin, 'tech', 'technician', { ip: IPS.tech });
  const viewer = await addStaff(tc, admin, 'viewer', 'viewer', { ip: IPS.viewer });
  const me = unwrap(await admin.call('auth.status', undefined)).user;
  return {
    tc,
    core: tc.core,
    admin,
    cashier: cashier.client,
    tech: tech.client,
    viewer: viewer.client,
    ids: { admin: me?.staffId ?? 0, cashier: cashier.id, tech: tech.id, viewer: viewer.id },
  };
};

let serial = 0;
export const clientInput = (
  planId: number,
  over: Partial<In<'clients.create'>> = {},
): In<'clients.create'> => {
  serial += 1;
  return {
    fullName: `Client ${String(serial)}`,
    phone: `+254 700 ${String(100_000 + serial)}`,
    serviceType: 'pppoe',
    serviceLogin: `client${String(serial)}`,
    servicePassword: `pw-${String(serial)}-secret`,
    planId,
    ...over,
  };
};

export const makePlan = async (
  who: TestClient,
  over: Partial<In<'plans.create'>> = {},
): Promise<Out<'plans.create'>> => unwrap(await who.call('plans.create', planInput(over)));

export const makeClient = async (
  who: TestClient,
  planId: number,
  over: Partial<In<'clients.create'>> = {},
): Promise<Out<'clients.create'>> =>
  unwrap(await who.call('clients.create', clientInput(planId, over)));

/** A saved router that no test connects to (clients may only name routers that exist). */
export const makeRouter = async (
  who: TestClient,
  name = 'Tower A',
): Promise<Out<'routers.create'>> =>
  unwrap(
    await who.call('routers.create', {
      name,
      host: '127.0.0.1',
      port: 1,
      apiUser: 'admin',
      password: 'router-pw',
    }),
  );

/** Everything the office features store, as text: equal snapshots mean nothing changed. */
export const officeSnapshot = (core: CoreUnderTest, opts: { withLog?: boolean } = {}): string =>
  JSON.stringify({
    plans: core.sqlite.prepare('SELECT * FROM plans ORDER BY id').all(),
    clients: core.sqlite.prepare('SELECT * FROM clients ORDER BY id').all(),
    ledger: core.sqlite.prepare('SELECT * FROM ledger_entries ORDER BY id').all(),
    receipts: core.sqlite.prepare('SELECT * FROM receipts ORDER BY number').all(),
    counters: core.sqlite.prepare('SELECT * FROM counters ORDER BY name').all(),
    settings: core.sqlite.prepare('SELECT * FROM settings ORDER BY key').all(),
    log: opts.withLog === false ? null : core.sqlite.prepare('SELECT id FROM activity_log').all(),
  });

/** SUM(amount) straight from the ledger. */
export const ledgerSum = (core: CoreUnderTest, clientId: number): number =>
  (
    core.sqlite
      .prepare('SELECT coalesce(sum(amount), 0) AS s FROM ledger_entries WHERE client_id = ?')
      .get(clientId) as { s: number }
  ).s;

export const storedBalance = (core: CoreUnderTest, clientId: number): number =>
  (
    core.sqlite.prepare('SELECT balance FROM clients WHERE id = ?').get(clientId) as {
      balance: number;
    }
  ).balance;
