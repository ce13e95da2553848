import { test, expect } from './fixtures/app.fixture';
import { ADMIN } from './pages/auth.page';

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };

test.describe('Sharing a workstation, seen from a browser', () => {
  test('Settings explain where sharing is set; the headless server cannot be shared from here', async ({
    page,
  }) => {
    const setup = await page.request.post('/api/auth.setup', {
      headers: JSON_HEADERS,
      data: ADMIN,
    });
    expect(setup.ok()).toBe(true);
    await page.goto('/#/settings');
    const panel = page.getByRole('region', { name: 'Share this workstation with the office' });
    await expect(panel).toContainText('Sharing is turned on in the desktop app');
    await expect(panel.getByRole('switch')).toHaveCount(0);

    const status = await page.request.post('/api/sharing.status', {
      headers: JSON_HEADERS,
      data: {},
    });
    expect(await status.json()).toEqual({
      ok: true,
      value: { available: false, enabled: false, port: 5180, url: null, problem: null },
    });
    const update = await page.request.post('/api/sharing.update', {
      headers: JSON_HEADERS,
      data: { enabled: true },
    });
    expect(await update.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
