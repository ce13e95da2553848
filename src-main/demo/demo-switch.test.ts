import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { In, Out } from '../contract/api';
import type { ProcedureName } from '../contract/channels';
import type { Result } from '../contract/errors';
import { FAST_NETWORK } from '../core/test-support/network-fixtures';
import {
  ADMIN,
  CHEAP_SCRYPT,
  createCapturingLogger,
  createCoreUnderTest,
  createFakeClock,
  readDataDir,
  type CoreUnderTest,
  MIGRATIONS_FOLDER,
  TEST_HOST,
  tempDirForTest,
  unwrap,
  entriesOf,
  failure,
} from '../core/test-support/test-core';
import type { CallContext } from '../transport/call-context';
import { createCoreHost, type CoreHost, type HostedOffice } from '../transport/core-host';
import { DEMO_PASSWORD, DEMO_ROUTERS } from './demo-catalog';
import { openDemoOffice } from './demo-office';

/** The real office on a fake clock, as the launcher opens it. */
const realOffice = (dataDir: string): HostedOffice & { core: CoreUnderTest } => {
  const core = createCoreUnderTest({
    dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    mode: 'test',
    version: 'test',
    clock: createFakeClock(),
    logger: createCapturingLogger(),
    host: TEST_HOST,
    authPolicy: { scrypt: CHEAP_SCRYPT },
    background: false,
  });
  core.start();
  return { core, stop: () => core.stop(), demo: null };
};

/** A launcher's host: the real office, which may switch to the demo office in `<folder>/demo`. */
const launcherHost = (dataDir: string): CoreHost => {
  const host = createCoreHost(realOffice(dataDir), {
    validateOutput: true,
    demo: {
      open: () =>
        openDemoOffice({
          dataDir: join(dataDir, 'demo'),
          migrationsFolder: MIGRATIONS_FOLDER,
          mode: 'test',
          version: 'test',
          logger: createCapturingLogger(),
          host: TEST_HOST,
          network: FAST_NETWORK,
          background: false,
          size: { clients: 30, days: 40 },
          ports: DEMO_ROUTERS.map(() => 0),
          dynamicsMs: 3_600_000,
        }),
      reopen: () => Promise.resolve(realOffice(dataDir)),
    },
  });
  onTestFinished(() => host.stop());
  return host;
};

const browser = (host: CoreHost) => {
  const ctx: CallContext & { sessionToken: string | null } = {
    sessionToken: null,
    ip: '10.0.0.5',
    workstation: 'Front desk',
    setSessionToken: (token) => {
      ctx.sessionToken = token;
    },
  };
  return {
    ctx,
    call: <K extends ProcedureName>(name: K, input: In<K>) =>
      host.call(name, input, ctx) as Promise<Result<Out<K>>>,
  };
};

describe('the first-run switch to the demo office', () => {
  it('opens the demo office while no account exists, and leaves the real office without demo data', async () => {
    const dataDir = tempDirForTest('first-run');
    const host = launcherHost(dataDir);
    const realCore = host.core;
    const page = browser(host);
    expect(unwrap(await page.call('system.demo', undefined))).toEqual({
      active: null,
      available: true,
      leave: false,
    });
    const switches: unknown[] = [];
    host.onSwitch((core) => switches.push(core));

    expect(unwrap(await page.call('system.openDemo', undefined))).toEqual({ opened: true });
    expect(host.core).not.toBe(realCore);
    expect(switches).toEqual([host.core]);

    // The page reloads into the demo sign-in: hints, then the shown credentials work.
    const demo = unwrap(await page.call('system.demo', undefined));
    expect(demo.available).toBe(false);
    expect(demo.active?.password).toBe(DEMO_PASSWORD);
    expect(unwrap(await page.call('auth.status', undefined)).setupRequired).toBe(false);
    unwrap(await page.call('auth.login', { username: 'admin', password: DEMO_PASSWORD }));
    const clients = unwrap(await page.call('clients.list', {}));
    expect(clients.total.count).toBeGreaterThan(10);
    const routers = unwrap(await page.call('routers.list', undefined));
    expect(routers.every((r) => r.status === 'online')).toBe(true);
    // The demo office does not offer itself again.
    failure(await page.call('system.openDemo', undefined), 'unavailable');

    await host.stop();
    // The real office: no staff, no clients; its log has its start and stop, and the switch.
    const real = realOffice(dataDir);
    const count = (table: string) =>
      (real.core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('staff'), count('clients'), count('routers'), count('ledger_entries')]).toEqual([
      0, 0, 0, 0,
    ]);
    const events = real.core.sqlite
      .prepare('SELECT DISTINCT event FROM activity_log ORDER BY event')
      .all() as { event: string }[];
    await real.stop();
    expect(events.map((e) => e.event)).toEqual([
      'system.demo_opened',
      'system.started',
      'system.stopped',
    ]);
  }, 120_000);

  it('is refused once the office has an account, and changes nothing', async () => {
    const dataDir = tempDirForTest('first-run');
    const host = launcherHost(dataDir);
    const page = browser(host);
    unwrap(await page.call('auth.setup', { ...ADMIN }));
    const core = host.core;
    expect(unwrap(await page.call('system.demo', undefined))).toEqual({
      active: null,
      available: false,
      leave: false,
    });
    const refused = failure(await page.call('system.openDemo', undefined), 'forbidden');
    expect(refused.message).toMatch(/already has accounts/);
    // The refusal is in the office's log, with the address it came from.
    expect(entriesOf(readDataDir(dataDir), 'system.demo_refused')).toMatchObject([
      {
        type: 'user',
        outcome: 'failure',
        ip: '10.0.0.5',
        workstation: 'Front desk',
        description:
          'Opening the demo office from 10.0.0.5 was refused: this office already has accounts',
      },
    ]);
    expect(host.core).toBe(core);
    expect(existsSync(join(dataDir, 'demo'))).toBe(false);
    // Still the same office, still signed in.
    expect(unwrap(await page.call('auth.status', undefined)).user?.username).toBe('admin');
  });

  it('is unavailable where the launcher cannot switch', async () => {
    const office = realOffice(tempDirForTest('first-run'));
    const host = createCoreHost(office);
    onTestFinished(() => host.stop());
    const page = browser(host);
    expect(unwrap(await page.call('system.demo', undefined)).available).toBe(false);
    failure(await page.call('system.openDemo', undefined), 'unavailable');
    expect(entriesOf(office.core, 'system.demo_refused').map((e) => e.description)).toEqual([
      'Opening the demo office from 10.0.0.5 was refused: this installation cannot switch to it',
    ]);
  });
});
