import { existsSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FAST_NETWORK } from '../core/test-support/network-fixtures';
import {
  createCapturingLogger,
  createTestCore,
  MIGRATIONS_FOLDER,
  readDataDir,
  TEST_HOST,
  tempDirForTest,
  type WithDatabase,
} from '../core/test-support/test-core';
import { DEMO_ROUTERS } from './demo-catalog';
import { DEMO_MARKER, DemoFolderError, readMarker } from './demo-folder';
import { openDemoOffice, type DemoOffice, type DemoOfficeOptions } from './demo-office';

/** A small demo office (quick to seed) on short router timeouts; stopped after the test. */
const demoOptions = (dataDir: string): DemoOfficeOptions => ({
  dataDir,
  migrationsFolder: MIGRATIONS_FOLDER,
  mode: 'test',
  version: 'test',
  logger: createCapturingLogger(),
  host: TEST_HOST,
  network: FAST_NETWORK,
  background: false,
  size: { clients: 40, days: 45 },
  ports: DEMO_ROUTERS.map(() => 0),
  // Subscribers connect at once; the churn timer stays out of the test's way.
  dynamicsMs: 3_600_000,
});

const open = async (dataDir: string): Promise<DemoOffice> => {
  const office = await openDemoOffice(demoOptions(dataDir));
  onTestFinished(() => office.stop());
  return office;
};

const count = (db: WithDatabase, sql: string): number =>
  (db.sqlite.prepare(sql).get() as { n: number }).n;

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const occupy = async (port: number): Promise<Server> => {
  const server = createServer((s) => s.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
};

describe('the demo office launcher', () => {
  it('seeds once, starts a simulated router per demo router, and shows them online with sessions', async () => {
    const dataDir = tempDirForTest('demo-office');
    const first = await open(dataDir);
    const db = readDataDir(dataDir);
    expect(first.seeded?.clients).toBe(40);
    const marker = readMarker(dataDir);
    expect(marker).toMatchObject({ state: 'ready', seedMs: first.seeded?.ms });
    expect(marker?.seededAt).toEqual(expect.any(Number));
    expect(Object.values(marker?.ports ?? {})).toEqual(first.sims.ports);

    const routers = first.core.services.routers.list();
    expect(routers.map((r) => r.name).sort()).toEqual(DEMO_ROUTERS.map((r) => r.name).sort());
    for (const r of routers) {
      expect(r).toMatchObject({ status: 'online', host: '127.0.0.1' });
      expect(r.pendingChanges).toBe(0);
    }
    const sessions = routers.reduce((n, r) => n + (r.activeSessions ?? 0), 0);
    expect(sessions).toBeGreaterThan(0);
    const secrets = first.sims.sims.reduce((n, s) => n + s.state.rows('/ppp/secret').length, 0);
    expect(secrets).toBe(
      count(
        db,
        "SELECT count(*) AS n FROM clients WHERE status <> 'archived' AND service_type = 'pppoe'",
      ),
    );
    expect(first.demo?.accounts.map((a) => a.username)).toEqual(['admin', 'grace', 'peter', 'tom']);

    // Quitting stops the core and every simulated router.
    const ports = [...first.sims.ports];
    const clients = count(db, 'SELECT count(*) AS n FROM clients');
    const entries = count(db, 'SELECT count(*) AS n FROM activity_log');
    await first.stop();
    for (const port of ports) expect(await refused(port)).toBe(true);

    // Second start: nothing seeded again, the same ports, and the fresh (empty) simulators are
    // provisioned by the app's auto-sync.
    const second = await open(dataDir);
    expect(second.seeded).toBeNull();
    expect(readMarker(dataDir)).toEqual(marker);
    expect(second.sims.ports).toEqual(ports);
    expect(count(db, 'SELECT count(*) AS n FROM clients')).toBe(clients);
    expect(count(db, "SELECT count(*) AS n FROM activity_log WHERE event = 'client.created'")).toBe(
      clients,
    );
    expect(count(db, 'SELECT count(*) AS n FROM activity_log')).toBeGreaterThan(entries);
    const again = second.sims.sims.reduce((n, s) => n + s.state.rows('/ppp/secret').length, 0);
    expect(again).toBe(secrets);
    expect(second.core.services.routers.list().every((r) => r.status === 'online')).toBe(true);
    const autoRun = db.sqlite
      .prepare("SELECT details FROM activity_log WHERE event = 'sync.auto_run' ORDER BY id DESC")
      .get() as { details: string } | undefined;
    expect(autoRun).toBeDefined();
  }, 120_000);

  it('moves a router whose port is taken and logs the new address', async () => {
    const dataDir = tempDirForTest('demo-office');
    const first = await open(dataDir);
    const [taken, ...others] = first.sims.ports;
    await first.stop();
    if (taken === undefined) throw new Error('no port');
    await occupy(taken);

    const second = await open(dataDir);
    const db = readDataDir(dataDir);
    const moved = second.sims.ports[0];
    expect(moved).not.toBe(taken);
    expect(second.sims.ports.slice(1)).toEqual(others);
    const router = second.core.services.routers
      .list()
      .find((r) => r.name === DEMO_ROUTERS[0]?.name);
    expect(router).toMatchObject({ port: moved, status: 'online' });
    expect(readMarker(dataDir)?.ports[DEMO_ROUTERS[0]?.name ?? '']).toBe(moved);
    const logged = db.sqlite
      .prepare(
        "SELECT actor_name, workstation FROM activity_log WHERE event = 'router.updated' ORDER BY id DESC",
      )
      .get();
    expect(logged).toEqual({ actor_name: 'Amina Hassan', workstation: 'Demo launcher' });
  }, 120_000);

  it('refuses a folder that holds another office, and changes nothing in it', async () => {
    const dataDir = tempDirForTest('demo-office');
    const real = createTestCore({ dataDir });
    await real.close();
    await expect(openDemoOffice(demoOptions(dataDir))).rejects.toThrow(DemoFolderError);
    expect(existsSync(join(dataDir, DEMO_MARKER))).toBe(false);
    const after = createTestCore({ dataDir });
    onTestFinished(() => after.close());
    const staff = after.core.sqlite.prepare('SELECT count(*) AS n FROM staff').get();
    expect(staff).toEqual({ n: 0 });
  });
});
