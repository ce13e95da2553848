import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures/app.fixture';
import { ADMIN, authPage } from './pages/auth.page';
import { activityLogPage } from './pages/activity-log.page';

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };

test('first run: set up, fail then pass sign-in, find both in the log by text and by IP, export CSV', async ({
  page,
}) => {
  const auth = authPage(page);
  const log = activityLogPage(page);
  await auth.open();
  await auth.setupAdministrator();
  await auth.signOut();

  await auth.signIn(ADMIN.username, 'not the password');
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toContainText(
    'Invalid username or password.',
  );
  await auth.signIn(ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);

  await log.open();
  const failed = log.row(`Failed sign-in as "${ADMIN.username}": wrong password`);
  const succeeded = log.row(`${ADMIN.username} signed in`);

  await log.search('failed sign-in');
  await expect(failed).toHaveCount(1);
  await expect(succeeded).toHaveCount(0);
  await expect(failed).toContainText('127.0.0.1');

  await log.search('signed');
  await expect(succeeded.first()).toBeVisible();
  await expect(failed).toHaveCount(0);

  await log.clearFilters();
  await log.filterByIp('127.0.0.1');
  await expect(failed).toHaveCount(1);
  await expect(succeeded.first()).toBeVisible();
  await log.filterByIp('10.99.0.0/16');
  await expect(log.rows.filter({ hasText: 'sign' })).toHaveCount(0);

  // Export exactly the filtered view: sign-in events from this address.
  await log.filterByIp('127.0.0.0/8');
  await log.search('sign-in');
  await expect(failed).toHaveCount(1);
  await expect(succeeded).toHaveCount(0); // the search is applied
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^activity-.*\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,timestamp,type,category,event,outcome,/);
  expect(lines.slice(1).every((l) => l.includes('127.0.0.1'))).toBe(true);
  expect(csv).toContain('auth.login.failed');
  expect(csv).not.toContain('auth.setup.completed');
});

test('the log opens an entry with all its fields and filters by a clicked IP', async ({ page }) => {
  const auth = authPage(page);
  const log = activityLogPage(page);
  await auth.open();
  await auth.setupAdministrator();
  await log.open();

  const setup = log.row(`First administrator "${ADMIN.username}" created`);
  await setup.getByRole('button', { name: /^Open entry/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Entry #/ });
  await expect(drawer.getByRole('table', { name: 'Entry fields' })).toContainText(
    'auth.setup.completed',
  );
  await expect(drawer).toContainText('Administrative');
  await expect(drawer).toContainText(ADMIN.displayName);
  await page.getByRole('button', { name: 'Close entry details' }).click();

  await setup.getByRole('button', { name: 'Filter by IP 127.0.0.1' }).click();
  await expect(page.getByLabel('IP address')).toHaveValue('127.0.0.1');
  await expect(setup).toHaveCount(1);
});

test('without a session nothing but status, setup and sign-in answers', async ({ request }) => {
  const status = await request.post('/api/auth.status', { headers: JSON_HEADERS, data: {} });
  expect(await status.json()).toMatchObject({ ok: true, value: { setupRequired: true } });

  for (const name of ['activity.search', 'staff.list', 'sessions.listMine', 'auth.logout']) {
    const res = await request.post(`/api/${name}`, { headers: JSON_HEADERS, data: { filter: {} } });
    expect(res.status(), name).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  }
  const catalog = await request.get('/api');
  expect(catalog.status()).toBe(401);

  const noHeader = await request.post('/api/auth.status', {
    headers: { 'Content-Type': 'application/json' },
    data: {},
  });
  expect(noHeader.status()).toBe(403);
});

test('bad input gets a clear validation error, changes nothing, and the server keeps serving', async ({
  request,
}) => {
  const bad = await request.post('/api/auth.setup', {
    headers: JSON_HEADERS,
    data: { username: 'a', displayName: '', password: 'short' },
  });
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('validation');
  expect(body.error.message).toContain('Username must be at least 3 characters');
  expect(body.error.message).not.toMatch(/at Object|SELECT|sqlite/i);

  const status = await request.post('/api/auth.status', { headers: JSON_HEADERS, data: {} });
  expect(await status.json()).toMatchObject({ ok: true, value: { setupRequired: true } });
});

test('an administrator adds a cashier who signs in; both changes are in the log', async ({
  page,
  browser,
  baseURL,
}) => {
  const auth = authPage(page);
  await auth.open();
  await auth.setupAdministrator();
  await page.getByRole('link', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByLabel('Username').fill('cashier1');
  await dialog.getByLabel('Display name').fill('Otieno Cashier');
  // The role defaults to cashier, the least-privileged role that takes payments.
  await expect(
    dialog.getByRole('textbox', { name: 'Role' }).or(dialog.getByLabel('Role')),
  ).toHaveValue(/cashier/i);
  await dialog.getByLabel('Initial password').fill('cashier-initial-pass');
  await dialog.getByRole('button', { name: 'Create staff member' }).click();
  await expect(page.getByRole('table', { name: 'Staff members' })).toContainText('cashier1');

  const other = await browser.newContext({ baseURL });
  const cashierPage = await other.newPage();
  const cashier = authPage(cashierPage);
  await cashier.open();
  await cashier.signIn('cashier1', 'cashier-initial-pass');
  // A new account must choose its own password first.
  await cashierPage.getByLabel('Current password').fill('cashier-initial-pass');
  await cashierPage.getByLabel('New password', { exact: true }).fill('cashier-own-password');
  await cashierPage.getByLabel('Confirm new password').fill('cashier-own-password');
  await cashierPage.getByRole('button', { name: 'Change password' }).click();
  await expect(cashierPage.getByTestId('current-role')).toContainText(/cashier/i);
  await expect(cashierPage.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await other.close();

  const log = activityLogPage(page);
  await log.open();
  await expect(log.row('created staff account "cashier1" with role cashier')).toHaveCount(1);
  await expect(log.row('cashier1 changed their password')).toHaveCount(1);
});
