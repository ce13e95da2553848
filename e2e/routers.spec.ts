import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { test, expect } from './fixtures/app.fixture';
import { ADMIN } from './pages/auth.page';
import { activityLogPage } from './pages/activity-log.page';
import { routersPage } from './pages/routers.page';

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };
const ROUTER_LINE = /^(\S+)\s+(127\.0\.0\.1):(\d+)\s+user (\S+)\s+password (\S+)/m;

type Sim = { process: ChildProcess; host: string; port: string; user: string; password: string };

/** One simulated router from the built CLI (`npm run sim`); resolves once it prints its address. */
async function startSimulator(): Promise<Sim> {
  const child = spawn(process.execPath, ['out/main/sim.js', '--routers', '1', '--base-port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`The simulator exited (${String(code)}): ${output}`);
  });
  const started = new Promise<Sim>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ROUTER_LINE.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        const [, , host = '', port = '', user = '', password = ''] = match;
        resolve({ process: child, host, port, user, password });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  return Promise.race([started, exited]);
}

async function stopSimulator(sim: Sim): Promise<void> {
  if (sim.process.exitCode !== null || sim.process.signalCode !== null) return;
  const exited = once(sim.process, 'exit');
  sim.process.kill('SIGTERM');
  await exited;
}

test.describe('routers', () => {
  let sim: Sim | undefined;

  test.afterEach(async () => {
    if (sim) await stopSimulator(sim);
    sim = undefined;
  });

  test('add a simulated router through the UI, test its connection, preview sync, stop it, find it in the log', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    sim = await startSimulator();
    const routers = routersPage(page);
    const log = activityLogPage(page);

    const res = await page.request.post('/api/auth.setup', { headers: JSON_HEADERS, data: ADMIN });
    expect(res.ok()).toBe(true);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
    await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);

    await routers.open();
    await expect(page.getByText('No routers yet.', { exact: false })).toBeVisible();

    // A wrong password is explained in plain words, without saving anything.
    await routers.fillAddForm({
      name: 'Tower E2E',
      host: sim.host,
      port: sim.port,
      apiUser: sim.user,
      password: 'not-the-password',
      pollIntervalSec: '5',
    });
    await routers.testConnection();
    await expect(
      routers.form.getByRole('alert').filter({ hasText: 'Connection failed' }),
    ).toBeVisible();

    await routers.form.getByLabel('API password').fill(sim.password);
    await routers.testConnection();
    const works = routers.form.getByRole('alert').filter({ hasText: 'Connection works' });
    await expect(works).toBeVisible();
    await expect(works).toContainText('RouterOS');
    await routers.save();

    const row = routers.row('Tower E2E');
    await expect(row).toHaveCount(1);
    // The health job polls it on its interval: the table shows it online.
    await expect(row.getByText(/^Online$/)).toBeVisible({ timeout: 30_000 });

    // The router page reads the live router: a sync preview reaches it.
    await row.getByRole('link', { name: 'Tower E2E' }).click();
    await expect(page.getByRole('heading', { name: 'Tower E2E', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Provisioning queue' })).toContainText(
      'Nothing waiting',
    );
    const syncPanel = page.getByRole('region', { name: 'Sync' });
    await syncPanel.getByRole('button', { name: 'Preview sync' }).click();
    await expect(syncPanel.getByRole('status')).toContainText('checked');

    // With the router stopped, the preview says in plain words that it cannot be read.
    const address = `${sim.host}:${sim.port}`;
    await stopSimulator(sim);
    sim = undefined;
    await syncPanel.getByRole('button', { name: 'Preview sync' }).click();
    await expect(
      syncPanel.getByRole('alert').filter({ hasText: 'The router could not be read' }),
    ).toBeVisible();

    // The health job notices too: after its re-check the router is offline, logged once.
    await routers.open();
    await expect(routers.row('Tower E2E').getByText(/^Offline/)).toBeVisible({ timeout: 60_000 });

    await log.open();
    await log.search('Tower E2E');
    await expect(log.row(`added router "Tower E2E" at ${address}`)).toHaveCount(1);
    await expect(log.row(/Tower E2E.*went offline/)).toHaveCount(1);
  });
});
