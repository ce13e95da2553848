import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/app.fixture';
import { activityLogPage } from './pages/activity-log.page';
import { ADMIN } from './pages/auth.page';
import { billingPage } from './pages/billing.page';
import { clientsPage } from './pages/clients.page';
import { plansPage } from './pages/plans.page';

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };

const PLAN = {
  name: 'Home 10M',
  download: '10M',
  upload: '2M',
  price: '25.00',
  validity: '1',
  validityUnit: 'Calendar months' as const,
  routerProfile: 'home-10m',
  isolationProfile: 'expired',
  graceDays: '2',
};

const CLIENT = {
  fullName: 'Amina Otieno',
  phone: '+254 700 123456',
  email: 'amina@example.com',
  address: 'Moi Avenue 12, Nairobi',
  latitude: '-1.28638',
  longitude: '36.81722',
  serviceLogin: 'amina.otieno',
  servicePassword: 'S3cret-pppoe',
  staticIp: '10.20.0.15',
  mac: 'aa:bb:cc:00:11:22',
  plan: PLAN.name,
};

type Entry = {
  event: string;
  type: string;
  category: string;
  outcome: string;
  actor: { id: number; name: string } | null;
  ip: string | null;
  clientId: number | null;
  description: string;
  correlationId: string | null;
};

/** `window.print` is stubbed before the app loads; the stub counts its calls. */
const stubPrint = (page: Page) =>
  page.addInitScript({
    content: 'window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };',
  });
const printCalls = (page: Page) => page.evaluate<number>('window.__printCalls');

/** First-run setup over HTTP (it also signs the page's context in), then open the app. */
async function setUpOffice(page: Page) {
  await stubPrint(page);
  const res = await page.request.post('/api/auth.setup', { headers: JSON_HEADERS, data: ADMIN });
  expect(res.ok()).toBe(true);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
}

async function searchActivity(page: Page, filter: Record<string, unknown>): Promise<Entry[]> {
  const res = await page.request.post('/api/activity.search', {
    headers: JSON_HEADERS,
    data: { filter, limit: 200 },
  });
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { ok: true; value: { entries: Entry[] } };
  return body.value.entries;
}

test('a plan and a client; payment with printed receipt, partial refund, renewal, archive and restore, all in the activity log', async ({
  page,
}) => {
  await setUpOffice(page);
  // Staff who can see clients land on the dashboard.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  const plans = plansPage(page);
  await plans.open();
  await plans.create(PLAN);
  await expect(plans.row(PLAN.name)).toContainText('10 Mbit/s / 2 Mbit/s');
  await expect(plans.row(PLAN.name)).toContainText('USD 25.00');
  await expect(plans.row(PLAN.name)).toContainText('per month');

  const clients = clientsPage(page);
  await clients.open();
  await clients.create(CLIENT);
  const clientId = await clients.currentClientId();
  await expect(page.getByTestId('client-account')).toHaveText('AC000001');
  // A new client has not paid yet: awaiting their first payment, nothing on the ledger.
  await expect(clients.status()).toHaveText('Awaiting first payment');
  await expect(page.getByRole('region', { name: 'Client details' })).toContainText(
    'AA:BB:CC:00:11:22',
  );

  const billing = billingPage(page);
  await billing.takePayment({
    amount: '50.00',
    method: 'Mobile money',
    reference: 'MPESA-QX7731',
    renew: true,
  });
  // The receipt: numbered, for this client, in the office currency, with the renewal.
  await expect(page.getByRole('article', { name: 'Payment receipt R-000001' })).toBeVisible();
  await expect(billing.receipt).toContainText('Amina Otieno');
  await expect(billing.receipt).toContainText('AC000001');
  await expect(billing.receipt.getByTestId('receipt-amount')).toHaveText('USD 50.00');
  await expect(billing.receipt).toContainText('Mobile money');
  await expect(billing.receipt).toContainText('MPESA-QX7731');
  await expect(billing.receipt).toContainText('Home 10M');
  await expect(billing.receipt).toContainText(`Served by${ADMIN.displayName}`);
  // Paid 50.00, renewal charged 25.00.
  await expect(billing.receipt).toContainText('Balance afterUSD 25.00');

  expect(await printCalls(page)).toBe(0);
  await billing.printReceipt();
  await expect.poll(() => printCalls(page)).toBe(1);
  // The print stylesheet leaves only the receipt: no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print receipt' })).toBeHidden();
  await expect(billing.receipt).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await billing.backToClient(CLIENT.fullName);
  await expect(clients.status()).toHaveText('Active');
  await expect(billing.balance()).toHaveText('USD 25.00');
  await expect(billing.ledgerRows('payment')).toHaveCount(1);
  await expect(billing.ledgerRows('charge')).toHaveCount(1);

  // More than was paid is refused before anything is sent.
  await billing.ledger.getByRole('button', { name: 'Refund payment R-000001' }).click();
  const refundForm = page.getByRole('form', { name: 'Refund payment' });
  await refundForm.getByLabel('Refund amount').fill('50.01');
  await refundForm.getByLabel('Reason').fill('Double charge');
  await refundForm.getByRole('button', { name: 'Record refund' }).click();
  await expect(refundForm).toContainText('At most USD 50.00 can be refunded');
  await refundForm.getByRole('button', { name: 'Cancel' }).click();

  await billing.refund('R-000001', '10.00', 'Router fee was not due');
  await expect(billing.ledgerRows('refund')).toHaveCount(1);
  await expect(billing.ledgerRows('refund')).toContainText('-USD 10.00');
  await expect(billing.ledgerRows('payment')).toContainText('Refunded USD 10.00');
  await expect(billing.balance()).toHaveText('USD 15.00');

  const expiresBefore = await billing.expires().textContent();
  await billing.renew('1');
  await expect(billing.ledgerRows('charge')).toHaveCount(2);
  await expect(billing.balance()).toHaveText('-USD 10.00');
  await expect(billing.expires()).not.toHaveText(expiresBefore ?? '');

  await clients.archive('Moved to another town');
  await expect(clients.status()).toHaveText('Archived');
  await expect(
    page
      .getByRole('toolbar', { name: 'Client actions' })
      .getByRole('button', { name: 'Take payment' }),
  ).toBeDisabled();
  await clients.restore();
  await expect(clients.status()).toHaveText('Active');

  // The client's own timeline on their page.
  const timeline = page.getByRole('region', { name: `Activity for ${CLIENT.fullName}` });
  await expect(timeline).toContainText('payment.recorded');
  await expect(timeline).toContainText('client.restored');

  // Every action in the log with the right type, category, staff member and IP.
  const entries = await searchActivity(page, { clientId });
  const expected: [string, string, string][] = [
    ['client.created', 'administrative', 'client'],
    ['payment.recorded', 'user', 'financial'],
    ['refund.issued', 'user', 'financial'],
    ['subscription.renewed', 'user', 'financial'],
    ['client.archived', 'administrative', 'client'],
    ['client.restored', 'administrative', 'client'],
  ];
  for (const [event, type, category] of expected) {
    const entry = entries.find((e) => e.event === event);
    expect(entry, event).toBeDefined();
    expect(entry, event).toMatchObject({
      type,
      category,
      outcome: 'success',
      actor: { name: ADMIN.displayName },
      ip: '127.0.0.1',
      clientId,
    });
  }
  // Two renewals: one with the payment (same correlation id), one on its own.
  const renewals = entries.filter((e) => e.event === 'subscription.renewed');
  expect(renewals).toHaveLength(2);
  const payment = entries.find((e) => e.event === 'payment.recorded');
  expect(renewals.some((r) => r.correlationId === payment?.correlationId)).toBe(true);
  const [planCreated] = await searchActivity(page, { events: ['plan.created'] });
  expect(planCreated).toMatchObject({
    type: 'administrative',
    category: 'network',
    actor: { name: ADMIN.displayName },
    ip: '127.0.0.1',
  });

  // And in the Activity log screen, found with its search box.
  const log = activityLogPage(page);
  await log.open();
  await log.search('refunded');
  const refundRow = log.row('refunded USD 10.00');
  await expect(refundRow).toHaveCount(1);
  await expect(refundRow).toContainText('User');
  await expect(refundRow).toContainText('Financial');
  await expect(refundRow).toContainText(ADMIN.displayName);
  await expect(refundRow).toContainText('127.0.0.1');
  await log.search('archived');
  const archivedRow = log.row('archived client AC000001');
  await expect(archivedRow).toHaveCount(1);
  await expect(archivedRow).toContainText('Administrative');
  await expect(archivedRow).toContainText('Client');
  await expect(archivedRow).toContainText(ADMIN.displayName);
  await expect(archivedRow).toContainText('127.0.0.1');
});

test('CSV import: the dry run lists every rejected row and why, then imports the rest; export downloads them', async ({
  page,
}) => {
  await setUpOffice(page);
  await plansPage(page).open();
  await plansPage(page).create(PLAN);

  const csv = [
    'full_name,phone,service_type,login,password,plan,static_ip,shoe_size',
    'Baraka Mwangi,+254711000001,pppoe,baraka,pw-baraka-1,Home 10M,10.20.1.1,42',
    'Chebet Kiprop,+254711000002,pppoe,chebet,pw-chebet-1,Home 10M,,38',
    'No Plan Person,+254711000003,pppoe,noplan,pw-noplan-1,Gold 1G,,40',
    'Dup Login,+254711000004,pppoe,baraka,pw-dup-1,Home 10M,,41',
    'Bad Ip,+254711000005,pppoe,badip,pw-badip-1,Home 10M,300.1.1.1,39',
  ].join('\n');

  const clients = clientsPage(page);
  await clients.open();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import clients from CSV' });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: 'CSV file' }).click(),
  ]);
  await chooser.setFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(dialog.getByTestId('import-summary')).toHaveText(
    '5 rows checked: 2 clients can be imported, 3 rows rejected.',
  );
  await expect(dialog).toContainText('shoe_size');
  const rejected = dialog.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.locator('tbody tr')).toHaveCount(3);
  await expect(rejected.locator('tr[data-line="4"]')).toContainText('Gold 1G');
  await expect(rejected.locator('tr[data-line="5"]')).toContainText('baraka');
  await expect(rejected.locator('tr[data-line="6"]')).toContainText(/IP|IPv4/);
  // Nothing is written by the dry run.
  const before = await page.request.post('/api/clients.list', { headers: JSON_HEADERS, data: {} });
  expect(((await before.json()) as { value: { items: unknown[] } }).value.items).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Import 2 clients' }).click();
  await expect(dialog).toContainText('2 clients imported');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(clients.row('Baraka Mwangi')).toBeVisible();
  await expect(clients.row('Chebet Kiprop')).toBeVisible();
  await clients.search('10.20.1.1');
  await expect(clients.table.locator('tbody tr')).toHaveCount(1);
  await expect(clients.row('Baraka Mwangi')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export clients CSV' }).click(),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  expect(exported).toContain('Baraka Mwangi');
  expect(exported).not.toContain('Chebet Kiprop');
});

test('a cashier takes a payment but is offered no refund, void or edit; a refund forced over HTTP is refused and logged', async ({
  page,
  browser,
  baseURL,
}) => {
  await setUpOffice(page);
  const call = async (name: string, data: unknown) => {
    const res = await page.request.post(`/api/${name}`, { headers: JSON_HEADERS, data });
    const body = (await res.json()) as { ok: boolean; value: { id: number } };
    expect(body.ok, name).toBe(true);
    return body.value;
  };
  const plan = await call('plans.create', {
    name: 'Hotspot Week',
    serviceType: 'hotspot',
    rateDownKbps: 5000,
    rateUpKbps: 1000,
    price: 700,
    validity: { unit: 'days', count: 7 },
    routerProfile: 'hs-week',
    expiryAction: 'disable',
  });
  const client = await call('clients.create', {
    fullName: 'Juma Hassan',
    phone: '+255 754 000111',
    serviceType: 'hotspot',
    serviceLogin: 'juma',
    servicePassword: 'juma-pass-1',
    planId: plan.id,
  });
  await call('staff.create', {
    username: 'cashier1',
    displayName: 'Otieno Cashier',
    role: 'cashier',
    password: 'cashier-initial-pass',
  });

  const desk = await browser.newContext({ baseURL });
  const cashierPage = await desk.newPage();
  await stubPrint(cashierPage);
  const login = await cashierPage.request.post('/api/auth.login', {
    headers: JSON_HEADERS,
    data: { username: 'cashier1', password: 'cashier-initial-pass' },
  });
  expect(login.ok()).toBe(true);
  const changed = await cashierPage.request.post('/api/auth.changePassword', {
    headers: JSON_HEADERS,
    data: { currentPassword: 'cashier-initial-pass', newPassword: 'cashier-own-password' },
  });
  expect(changed.ok()).toBe(true);

  await cashierPage.goto(`/#/clients/${String(client.id)}`);
  await expect(cashierPage.getByRole('heading', { name: 'Juma Hassan', level: 1 })).toBeVisible();
  const actions = cashierPage.getByRole('toolbar', { name: 'Client actions' });
  await expect(actions.getByRole('button', { name: 'Take payment' })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Renew' })).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Edit client' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Archive client' })).toHaveCount(0);
  await expect(cashierPage.getByRole('button', { name: 'Reveal service password' })).toHaveCount(0);

  const billing = billingPage(cashierPage);
  await billing.takePayment({ amount: '7', method: 'Cash' });
  await expect(billing.receipt.getByTestId('receipt-amount')).toHaveText('USD 7.00');
  await expect(billing.receipt).toContainText('Otieno Cashier');
  await billing.printReceipt();
  await expect.poll(() => printCalls(cashierPage)).toBe(1);
  await billing.backToClient('Juma Hassan');
  await expect(billing.ledgerRows('payment')).toHaveCount(1);
  await expect(billing.ledger.getByRole('button', { name: /^Refund payment/ })).toHaveCount(0);
  await expect(billing.ledger.getByRole('button', { name: /^Void payment/ })).toHaveCount(0);

  // The screen offers no refund; the core refuses one sent anyway, changes nothing, logs it.
  const ledger = (await (
    await cashierPage.request.post('/api/billing.ledger', {
      headers: JSON_HEADERS,
      data: { clientId: client.id },
    })
  ).json()) as { value: { entries: { id: number; kind: string }[] } };
  const paymentId = ledger.value.entries.find((e) => e.kind === 'payment')?.id;
  const refused = await cashierPage.request.post('/api/billing.refund', {
    headers: JSON_HEADERS,
    data: { paymentId, amount: 100, reason: 'Trying anyway' },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await desk.close();

  const [denied] = await searchActivity(page, { events: ['auth.permission.denied'] });
  expect(denied).toMatchObject({
    outcome: 'failure',
    actor: { name: 'Otieno Cashier' },
    ip: '127.0.0.1',
  });
  expect(denied?.description).toContain('billing.refund');
  const payments = await searchActivity(page, {
    clientId: client.id,
    events: ['payment.recorded'],
  });
  expect(payments).toHaveLength(1);
  expect(payments[0]).toMatchObject({
    type: 'user',
    category: 'financial',
    actor: { name: 'Otieno Cashier' },
  });
  const refunds = await searchActivity(page, { clientId: client.id, events: ['refund.issued'] });
  expect(refunds).toHaveLength(0);
});
