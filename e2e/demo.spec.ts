import { test, expect } from './fixtures/app.fixture';
import { authPage } from './pages/auth.page';
import { clientsPage } from './pages/clients.page';
import { plansPage } from './pages/plans.page';
import { routersPage } from './pages/routers.page';

const DEMO_ROUTERS = ['Kasarani Tower', 'Langata Tower', 'CBD Hub', 'Kilimani POP'];

// Making the demo office (six months, 300 clients) takes a while on a busy machine.
test.describe.configure({ timeout: 480_000 });

test.describe('npm start -- --demo', () => {
  // `--demo` on a fresh data folder: the server seeds the demo office and starts its simulated
  // routers before it prints its address.
  test.use({ serverArgs: ['--demo'] });

  test('the demo office: sign in with the shown credentials and find a living office', async ({
    page,
  }) => {
    const auth = authPage(page);
    await auth.open();
    await expect(page.getByTestId('demo-notice')).toContainText('Demo office — not real data');
    const password = (await page.getByTestId('demo-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await auth.signIn('admin', password);
    await expect(page.getByTestId('current-user')).toHaveText('Amina Hassan');
    await expect(page.getByTestId('demo-banner')).toHaveText('Demo office — not real data');

    const clients = clientsPage(page);
    await clients.open();
    const first = clients.table.locator('tbody tr').first();
    await expect(first).toContainText(/RW-\d{6}/);
    const account = /RW-\d{6}/.exec((await first.textContent()) ?? '')?.[0] ?? '';
    await clients.search(account);
    await expect(clients.table.locator('tbody tr')).toHaveCount(1);

    const plans = plansPage(page);
    await plans.open();
    for (const name of ['Home 5M', 'Home 10M', 'Home 20M', 'Business 50M', 'Hotspot Monthly']) {
      await expect(plans.table.getByRole('row').filter({ hasText: name })).toBeVisible();
    }

    const routers = routersPage(page);
    await routers.open();
    for (const name of DEMO_ROUTERS) {
      await expect(routers.row(name)).toContainText('Online');
    }
    await expect(routers.table.locator('tbody tr')).toHaveCount(DEMO_ROUTERS.length);

    // "Leave demo" goes back to the office (ISPDESK_DATA): empty, so its first-run screen.
    await page.getByRole('button', { name: 'Leave demo' }).click();
    await expect(page.getByRole('heading', { name: 'Create the administrator' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  });
});

test('a new office can be left empty and the demo office explored instead', async ({ page }) => {
  const auth = authPage(page);
  await auth.open();
  await expect(page.getByRole('heading', { name: 'Create the administrator' })).toBeVisible();
  await page.getByRole('button', { name: 'Explore a demo office' }).click();
  // While it is made, the screen says what is happening, with counts.
  await expect(page.getByTestId('demo-progress')).toContainText(
    /Starting 4 simulated routers|Making six months of office life: day \d+ of \d+ \(\d+ clients?, \d+ payments?\)/,
    { timeout: 30_000 },
  );
  // The page reloads into the demo office's sign-in.
  await expect(page.getByTestId('demo-notice')).toBeVisible({ timeout: 360_000 });
  const password = (await page.getByTestId('demo-password').textContent()) ?? '';
  await auth.signIn('grace', password);
  await expect(page.getByTestId('current-user')).toHaveText('Grace Wanjiru');
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  const clients = clientsPage(page);
  await clients.open();
  await expect(clients.table.locator('tbody tr').first()).toContainText(/RW-\d{6}/);

  // "Leave demo" goes back to this office's first-run screen, which offers the demo again.
  await page.getByRole('button', { name: 'Leave demo' }).click();
  await expect(page.getByRole('heading', { name: 'Create the administrator' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: 'Explore a demo office' })).toBeVisible();
});
