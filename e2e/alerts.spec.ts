import { test, expect } from './fixtures/app.fixture';
import { activityLogPage } from './pages/activity-log.page';
import { authPage } from './pages/auth.page';

// Making the demo office (six months, 300 clients) takes a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

test.describe('alerts in the demo office', () => {
  test.use({ serverArgs: ['--demo'] });

  test('the demo story raised alerts: acknowledge one with a note, pivot to its entries', async ({
    page,
  }) => {
    await authPage(page).signInToDemo();

    // The header's badge counts the open alerts; it leads to the Alerts screen.
    const badge = page.getByTestId('alerts-badge');
    await expect(badge).toHaveAccessibleName(/^\d+ open alerts$/, { timeout: 30_000 });
    const open = Number(/\d+/.exec((await badge.getAttribute('aria-label')) ?? '')?.[0]);
    expect(open).toBeGreaterThanOrEqual(2);
    await badge.click();
    await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();

    // Open and acknowledged alerts are listed (the log's other stories raise more than these).
    const rows = page.getByTestId('alert-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(open);
    const brute = rows.filter({ hasText: 'Repeated failed sign-ins as "admin"' }).first();
    // The story's late refund (and, when this test runs after closing time in Nairobi, this very
    // sign-in: the rules go by the office's clock, so the count is not fixed).
    const late = rows.filter({ hasText: 'outside office hours' }).last();
    await expect(brute).toContainText('5 failures within 15 minutes');
    await expect(late).toContainText('Amina Hassan');

    // Acknowledge with a note: it stays listed, no longer open.
    const openNow = Number(/\d+/.exec((await badge.getAttribute('aria-label')) ?? '')?.[0]);
    await brute.getByRole('button', { name: 'Acknowledge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Acknowledge alert' });
    await dialog.getByLabel('Note').fill('Not us: the addresses are blocked at the firewall now.');
    await dialog.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(brute).toContainText('Acknowledged by Amina Hassan');
    await expect(brute).toContainText('Not us: the addresses are blocked');
    await expect(badge).toHaveAccessibleName(
      openNow - 1 === 1 ? '1 open alert' : `${String(openNow - 1)} open alerts`,
    );

    // The pivot opens the Activity Log on the entries that raised it.
    await brute.getByRole('link', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(/#\/activity\?/);
    const log = activityLogPage(page);
    // At least the five of the story (the log's brute-force story adds to the same account).
    await expect(log.row('Failed sign-in as "admin"').first()).toBeVisible();
    expect(await log.row('Failed sign-in as "admin"').count()).toBeGreaterThanOrEqual(5);
    await expect(log.rows.filter({ hasText: 'signed in' })).toHaveCount(0);

    // Acknowledging was logged, with the note.
    await page.goto(page.url().replace(/#.*/, '#/activity?q=acknowledged'));
    await expect(log.row(/acknowledged alert #\d+/)).toContainText('blocked at the firewall');
  });
});
