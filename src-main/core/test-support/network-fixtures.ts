import { onTestFinished } from 'vitest';
import type { Out } from '../../contract/api';
import type {
  RouterOsSimulator,
  SimulatorOptions,
} from '../../routeros-sim/server/routeros-simulator';
import { startSim, TEST_USER } from '../../routeros-sim/testing/sim-fixture';
import { officeCore, type Office } from './office-fixtures';
import { MenuClient } from '../routeros-client/menus/menu-client';
import { RouterSession } from '../routeros-client/router-session';
import { connectRouterOs } from '../routeros-client/routeros.adapter';
import type { NetworkOptions } from '../network-services';
import type { TestClient, TestCoreOptions } from './test-core';
import { unwrap } from './test-core';

/** Short timeouts (loopback answers in milliseconds) and no randomness in jitter. */
export const FAST_NETWORK: NetworkOptions = {
  connectTimeoutMs: 1_000,
  commandTimeoutMs: 1_000,
  pollTimeoutMs: 1_500,
  suspectRetryMs: 1_000,
  retryBaseMs: 1_000,
  random: () => 0.5,
};

export const networkOffice = (opts: TestCoreOptions = {}): Promise<Office> =>
  officeCore({ ...opts, network: { ...FAST_NETWORK, ...opts.network } });

export type SimRouter = { sim: RouterOsSimulator; router: Out<'routers.create'> };

let routerSerial = 0;

/** A simulated router (stopped after the test) added to the office through the contract. */
export const addSimRouter = async (
  who: TestClient,
  opts: SimulatorOptions & { name?: string } = {},
): Promise<SimRouter> => {
  const { sim } = await startSim({ data: 'minimal', ...opts });
  onTestFinished(() => sim.stop());
  routerSerial += 1;
  const router = unwrap(
    await who.call('routers.create', {
      name: opts.name ?? `Tower ${String(routerSerial)}`,
      host: '127.0.0.1',
      port: sim.port,
      apiUser: TEST_USER.name,
      password: TEST_USER.password,
    }),
  );
  return { sim, router };
};

/** The router's rows of one menu, as plain `word → value` records. */
export const rowsOf = (sim: RouterOsSimulator, path: string): Record<string, string>[] =>
  sim.state.rows(path);

export const secretsOf = (sim: RouterOsSimulator) => rowsOf(sim, '/ppp/secret');

/** The router goes dark: open connections drop and new ones are refused. */
export const takeOffline = async (sim: RouterOsSimulator): Promise<void> => {
  // close() stops accepting at once, but only settles once open connections are gone.
  const closed = sim.setFaults({ refuse: true });
  sim.disconnectAll();
  await closed;
};

export const bringBack = (sim: RouterOsSimulator): Promise<void> => sim.clearFaults();

export const handEdit = (sim: RouterOsSimulator): MenuClient => {
  const session = new RouterSession(
    {
      host: '127.0.0.1',
      port: sim.port,
      user: TEST_USER.name,
      password: TEST_USER.password,
      connectTimeoutMs: 1_000,
      commandTimeoutMs: 1_000,
    },
    { connector: connectRouterOs(), idleCloseMs: 0 },
  );
  onTestFinished(() => session.close());
  return new MenuClient(session);
};

/** A cash payment that renews the client for one period (active again). */
export const pay = async (o: Office, clientId: number): Promise<void> => {
  unwrap(await o.cashier.call('billing.pay', { clientId, amount: 2_500, method: 'cash' }));
};
