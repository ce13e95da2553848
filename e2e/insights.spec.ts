import { test, expect } from './fixtures/app.fixture';
import { activityLogPage } from './pages/activity-log.page';
import { authPage } from './pages/auth.page';

// Making the demo office (six months, 300 clients) takes a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('insights in the demo office', () => {
  test.use({ serverArgs: ['--demo'] });

  test('who works when, jobs and routers from the demo; a square opens its hour in the log', async ({
    page,
  }) => {
    await authPage(page).signInToDemo();

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Insights' })
      .click();
    await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
    await page.getByText('Last 90 days', { exact: true }).click();

    // The demo's staff worked in office hours (Nairobi): squares to follow, routers listed.
    const cells = page.getByTestId('heat-cell');
    await expect(cells.first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('router-row').first()).toBeVisible();
    await expect(page.getByTestId('staff-row').first()).toBeVisible();
    const cell = cells.first();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^\w+days \d{2}:00–\d{2}:00 \(EAT\): [\d,]+ staff actions?; /);

    // Into the Activity Log: that hour's staff actions.
    await cell.click();
    await expect(page).toHaveURL(/#\/activity\?.*type=user%2Cadministrative/);
    const log = activityLogPage(page);
    await expect(log.rows.first()).toBeVisible();
  });
});
