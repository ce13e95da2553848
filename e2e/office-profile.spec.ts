import { test, expect } from './fixtures/app.fixture';
import { authPage } from './pages/auth.page';

test('first run: after the administrator, the office profile; skipped, the dashboard reminds; saved, it is ticked off', async ({
  page,
}) => {
  const auth = authPage(page);
  await auth.open();
  await auth.setupAdministrator();
  await expect(page.getByRole('heading', { name: 'Set up the office', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Skip for now' }).click();
  const steps = page.getByRole('list', { name: 'First steps' });
  await expect(steps.getByLabel('Fill in the office profile: to do')).toBeVisible();
  await steps.getByRole('link', { name: 'Fill in the office profile' }).click();

  const form = page.getByRole('form', { name: 'Office profile' });
  await form.getByLabel('Business name').fill('Kilimani Net');
  await form.getByLabel('Phone').fill('+254 700 123 456');
  await form.getByLabel('Receipt footer').fill('M-Pesa Paybill 123456');
  await form.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(steps.getByLabel('Fill in the office profile: done')).toBeVisible();
  await expect(steps.getByRole('link', { name: 'Add a router' })).toBeVisible();

  // Editable later in Settings, where the saved values are shown.
  await page.goto('/#/settings');
  const profile = page.getByRole('form', { name: 'Office profile' });
  await expect(profile.getByLabel('Business name')).toHaveValue('Kilimani Net');
  await expect(profile.getByLabel('Receipt footer')).toHaveValue('M-Pesa Paybill 123456');
});
