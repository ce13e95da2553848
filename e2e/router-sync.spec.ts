import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/app.fixture';
import { startSimulatedRouter, type SimulatedRouter } from './fixtures/simulated-router';
import {
  pppActiveMenu,
  pppSecretMenu,
  addressListMenu,
} from '../src-main/core/routeros-client/menus/isp-menus';
import { activityLogPage } from './pages/activity-log.page';
import { ADMIN } from './pages/auth.page';
import { billingPage } from './pages/billing.page';
import { clientsPage } from './pages/clients.page';
import { plansPage } from './pages/plans.page';
import { networkSettingsPage, routersPage } from './pages/routers.page';

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };

const ROUTER = 'Tower Sync';
const PLAN = {
  name: 'Home 10M',
  download: '10M',
  upload: '2M',
  price: '25.00',
  validity: '30',
  routerProfile: 'home-10m',
  isolationProfile: 'expired',
  isolationAddressList: 'isolated',
  graceDays: '0',
};
const CLIENT = {
  fullName: 'Amina Otieno',
  phone: '+254 700 123456',
  serviceLogin: 'amina.otieno',
  servicePassword: 'S3cret-pppoe',
  staticIp: '10.20.0.15',
  plan: PLAN.name,
};
const NEW_PASSWORD = 'N3w-pppoe-pass';

/** Health polls back off while a router is down; coming back can take one long interval. */
const ROUTER_TIMEOUT = { timeout: 90_000 };

/** First-run setup over HTTP (it also signs the page in), then the app. */
async function setUpOffice(page: Page) {
  const res = await page.request.post('/api/auth.setup', { headers: JSON_HEADERS, data: ADMIN });
  expect(res.ok()).toBe(true);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
}

/**
 * When the scheduled expiry job last ran (null: not yet). It runs at its first tick after start,
 * then on the network settings' interval; the test waits for that first run before anyone
 * expires, so that "Run expiry now" is what expires them.
 */
async function expiryJobRanAt(page: Page): Promise<number | null> {
  const res = await page.request.post('/api/jobs.list', { headers: JSON_HEADERS, data: {} });
  const body = (await res.json()) as {
    ok: boolean;
    value?: { name: string; lastRun: { startedAt: number } | null }[];
  };
  return body.value?.find((j) => j.name === 'clients.expiry')?.lastRun?.startedAt ?? null;
}

/** The client's PPP secret as the router reports it over the API. */
const secretOn = (sim: SimulatedRouter, login: string) =>
  sim.withApi((menus) => menus.findByName(pppSecretMenu, login));
const sessionsOn = (sim: SimulatedRouter) =>
  sim.withApi(async (menus) => (await menus.list(pppActiveMenu)).map((s) => s.name));
const isolatedAddresses = (sim: SimulatedRouter) =>
  sim.withApi(async (menus) =>
    (await menus.list(addressListMenu, { list: PLAN.isolationAddressList })).map((e) => e.address),
  );

/** Two days ago in UTC: a day that has ended in every time zone the office could use. */
const pastDay = (): string => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

test.describe('router sync, end to end', () => {
  let sim: SimulatedRouter | undefined;

  test.afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  test('provision a client, expire and isolate them, ride out a router outage, restore on payment', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const router = await startSimulatedRouter();
    sim = router;
    const routers = routersPage(page);
    const settings = networkSettingsPage(page);
    const clients = clientsPage(page);
    const billing = billingPage(page);
    const log = activityLogPage(page);
    await setUpOffice(page);

    await test.step('a) add the router and see it online', async () => {
      await routers.open();
      await routers.fillAddForm({
        name: ROUTER,
        host: router.host,
        port: router.port,
        apiUser: router.user,
        password: router.password,
        pollIntervalSec: '5',
      });
      await routers.save();
      await expect(routers.row(ROUTER).getByText(/^Online$/)).toBeVisible({ timeout: 30_000 });
      await routers.openRouter(ROUTER);
    });

    await test.step('network settings: expiry runs only when asked during this test', async () => {
      await settings.open();
      await settings.fill({ expiryIntervalMin: '0' });
      await settings.save();
      await expect(
        settings.form.getByText('Expiry interval must be at least 1 minute'),
      ).toBeVisible();
      await settings.fill({ expiryIntervalMin: '1440', drift: 'Only report it' });
      await settings.save();
      await expect(
        page.getByRole('alert').filter({ hasText: 'Network settings saved.' }),
      ).toBeVisible();
      await page.reload();
      await expect(settings.form.getByLabel('Expiry interval (minutes)')).toHaveValue('1440');
    });

    await test.step('b) create a PPPoE client on the router and find its secret there', async () => {
      const plans = plansPage(page);
      await plans.open();
      await plans.create(PLAN);
      await clients.open();
      await clients.create({ ...CLIENT, router: ROUTER });
      await billing.takePayment({ amount: PLAN.price, method: 'Cash', renew: true });
      await billing.backToClient(CLIENT.fullName);
      await expect(clients.status()).toHaveText('Active');
      await expect
        .poll(() => secretOn(router, CLIENT.serviceLogin), ROUTER_TIMEOUT)
        .toMatchObject({
          name: CLIENT.serviceLogin,
          password: CLIENT.servicePassword,
          profile: PLAN.routerProfile,
          disabled: false,
          comment: 'ISP Desk AC000001',
        });
    });

    await test.step('c) the client expires: isolated, and their session kicked', async () => {
      expect(await router.dialIn(CLIENT.serviceLogin, 'wrong-password')).toMatchObject({
        ok: false,
      });
      expect(await router.dialIn(CLIENT.serviceLogin, CLIENT.servicePassword)).toEqual({
        ok: true,
      });
      expect(await sessionsOn(router)).toEqual([CLIENT.serviceLogin]);

      await expect.poll(() => expiryJobRanAt(page), { timeout: 90_000 }).not.toBeNull();
      await clients.correctExpiry(pastDay(), 'Renewal was entered on the wrong account');
      // Moving the date does not expire anyone by itself: expiry processing does, with grace.
      await expect(clients.status()).toHaveText('Active');
      await clients.open();
      const summary = await clients.runExpiryNow();
      await expect(summary).toContainText('1 client expired: 1 isolated on their router.');
      await expect(clients.row(CLIENT.fullName)).toContainText('Expired');

      const secret = await secretOn(router, CLIENT.serviceLogin);
      expect(secret).toMatchObject({ profile: PLAN.isolationProfile, disabled: false });
      expect(await isolatedAddresses(router)).toEqual([CLIENT.staticIp]);
      expect(await sessionsOn(router)).toEqual([]);
    });

    await test.step('d) the router goes down: offline logged once, a change waits in the queue', async () => {
      await router.apiDown();
      await routers.open();
      await expect(routers.row(ROUTER).getByText(/^Offline/)).toBeVisible(ROUTER_TIMEOUT);

      await clients.open();
      await clients.row(CLIENT.fullName).getByRole('link', { name: CLIENT.fullName }).click();
      await clients.changePassword(NEW_PASSWORD);

      await routers.open();
      await routers.openRouter(ROUTER);
      const item = routers.queueRow('AC000001');
      await expect(item).toHaveCount(1);
      const cells = item.getByRole('cell');
      await expect(cells.nth(1)).toHaveText('client.updated');
      await expect(cells.nth(2)).toHaveText(/^[1-9]\d*$/);
      await expect(cells.nth(3)).not.toHaveText(/^(—|)$/);

      await log.open();
      await log.search(ROUTER);
      // The search commits to the URL after a pause in typing; leaving before that could carry
      // it (`q=`) over to the next screen's own search.
      await expect(page).toHaveURL(/[?&]q=Tower/);
      await expect(log.row(new RegExp(`${ROUTER}.*went offline`))).toHaveCount(1);
    });

    await test.step('e) it comes back on the same port with its configuration: the queue drains, no drift', async () => {
      await router.apiUp();
      await routers.open();
      await expect(routers.row(ROUTER).getByText(/^Online$/)).toBeVisible(ROUTER_TIMEOUT);
      await routers.openRouter(ROUTER);
      await expect(routers.queue).toContainText('Nothing waiting', { timeout: 30_000 });
      await routers.previewSync();
      await expect(routers.sync.getByRole('status')).toContainText('no drift');
      expect(await secretOn(router, CLIENT.serviceLogin)).toMatchObject({
        password: NEW_PASSWORD,
        profile: PLAN.isolationProfile,
      });

      await log.open();
      await log.search(ROUTER);
      // The search commits to the URL after a pause in typing; leaving before that could carry
      // it (`q=`) over to the next screen's own search.
      await expect(page).toHaveURL(/[?&]q=Tower/);
      await expect(log.row(new RegExp(`${ROUTER}.*went offline`))).toHaveCount(1);
      await expect(log.row(new RegExp(`${ROUTER}.*is back online`))).toHaveCount(1);
    });

    await test.step('f) payment restores the client on the router', async () => {
      await clients.open();
      await clients.row(CLIENT.fullName).getByRole('link', { name: CLIENT.fullName }).click();
      await billing.takePayment({ amount: PLAN.price, method: 'Cash', renew: true });
      await billing.backToClient(CLIENT.fullName);
      await expect(clients.status()).toHaveText('Active');
      await expect
        .poll(() => secretOn(router, CLIENT.serviceLogin), ROUTER_TIMEOUT)
        .toMatchObject({ profile: PLAN.routerProfile, disabled: false, password: NEW_PASSWORD });
      expect(await isolatedAddresses(router)).toEqual([]);
      expect(await router.dialIn(CLIENT.serviceLogin, NEW_PASSWORD)).toEqual({ ok: true });
      expect(await sessionsOn(router)).toEqual([CLIENT.serviceLogin]);
    });
  });
});
