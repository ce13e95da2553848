import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/app.fixture';
import { authPage } from './pages/auth.page';

/** Console errors and uncaught exceptions of a page, from now on. */
const collectErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
};

test('the page loads without a console error; frame-ancestors arrives as a header only', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const auth = authPage(page);
  const response = await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', /default-src 'self'/);
  expect(await meta.getAttribute('content')).not.toContain('frame-ancestors');

  await auth.setupAdministrator();
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the served renderer bundle is minified, with its source map beside it', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const src = await page.locator('script[type="module"]').getAttribute('src');
  expect(src).toMatch(/\/assets\/index-[\w-]+\.js$/);
  const bundleUrl = new URL(src ?? '', page.url());
  const js = await (await request.get(bundleUrl.href)).text();
  // Unminified, lines average some 40 characters; minified, thousands (a few long lines).
  expect(js.length).toBeGreaterThan(100_000);
  expect(js.length / js.split('\n').length).toBeGreaterThan(2_000);
  const mapName = /\/\/# sourceMappingURL=(\S+\.js\.map)\s*$/.exec(js)?.[1];
  expect(mapName).toBeDefined();
  const map = await request.get(new URL(mapName ?? '', bundleUrl).href);
  expect(map.ok()).toBe(true);
  const parsed = (await map.json()) as { sources: string[] };
  expect(parsed.sources.some((s) => s.includes('src/main.tsx'))).toBe(true);
});
