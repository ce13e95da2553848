import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures/app.fixture';
import { authPage } from './pages/auth.page';

/**
 * Nothing is cut off at common office screen sizes: every screen of the demo office (tables full
 * of data) at each size, failing where a table is wider than its container or a badge's text is
 * truncated. A screenshot of each screen per size is kept as an artifact:
 * test-results/screens/<size>/<screen>.png.
 */
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1440x900', width: 1440, height: 900 },
  { name: '1920x1080', width: 1920, height: 1080 },
] as const;

type Screen = {
  /** The screenshot's file name. */
  name: string;
  /** The route (hash path) to open. */
  path: string;
  /** Shown once the screen has its data. */
  ready: (page: Page) => Locator;
  /** What to do after `ready` (open a form); `shown` is then awaited. */
  then?: (page: Page) => Promise<void>;
  shown?: (page: Page) => Locator;
  /** Buttons that must be in sight, uncovered, without scrolling (a form's Save). */
  reachable?: (page: Page) => Locator;
};

const firstRow = (page: Page, table: string) =>
  page.getByRole('table', { name: table }).locator('tbody tr').first();
const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

/** Every screen the check visits, in one table: add a row for each new screen. */
const SCREENS: readonly Screen[] = [
  { name: 'dashboard', path: '/dashboard', ready: (p) => heading(p, 'Dashboard') },
  { name: 'clients', path: '/clients', ready: (p) => firstRow(p, 'Clients') },
  {
    name: 'client-add',
    path: '/clients',
    ready: (p) => firstRow(p, 'Clients'),
    then: (p) => p.getByRole('button', { name: 'Add client' }).click(),
    shown: (p) => p.getByRole('dialog', { name: 'Add client' }),
    reachable: (p) => p.getByRole('button', { name: 'Create client' }),
  },
  {
    name: 'client',
    path: '/clients',
    ready: (p) => firstRow(p, 'Clients'),
    then: (p) => firstRow(p, 'Clients').getByRole('link').first().click(),
    shown: (p) => p.getByRole('table').first(),
  },
  { name: 'plans', path: '/plans', ready: (p) => firstRow(p, 'Plans') },
  { name: 'payments', path: '/payments', ready: (p) => heading(p, 'Payments') },
  { name: 'reports', path: '/reports', ready: (p) => heading(p, 'Reports') },
  { name: 'routers', path: '/routers', ready: (p) => firstRow(p, 'Routers') },
  {
    name: 'router',
    path: '/routers',
    ready: (p) => firstRow(p, 'Routers'),
    then: (p) => firstRow(p, 'Routers').getByRole('link').first().click(),
    shown: (p) => p.getByRole('heading', { level: 1 }),
  },
  { name: 'activity', path: '/activity', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'settings', path: '/settings', ready: (p) => heading(p, 'Settings') },
  {
    name: 'office-profile',
    path: '/setup/office',
    ready: (p) => p.getByRole('button', { name: 'Skip for now' }),
  },
  { name: 'staff', path: '/staff', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'alerts', path: '/alerts', ready: (p) => p.locator('main tbody tr').first() },
  {
    name: 'insights',
    path: '/insights',
    ready: (p) =>
      p.locator(
        'main:has([data-testid="week-heatmap"]):has([data-testid="job-durations"]):has([data-testid="router-insights"])',
      ),
  },
  { name: 'jobs', path: '/jobs', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'sessions-all', path: '/sessions/all', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'sessions', path: '/sessions', ready: (p) => p.locator('main tbody tr').first() },
  {
    name: 'change-password',
    path: '/account/password',
    ready: (p) => p.getByRole('button', { name: 'Change password' }),
  },
];

const SCREENS_DIR = resolve(__dirname, '..', 'test-results', 'screens');

type Cut = { what: string; text: string; width: number; room: number };

/**
 * Tables wider than their container and badges whose text does not fit, on the page as shown
 * (run in the page, hence a string: the e2e project has no DOM types).
 */
const CUT_OFF = `(() => {
  const cuts = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // A table's container: the nearest box that clips or scrolls it (a scroll container counts:
  // columns to scroll to are cut off too).
  const containerOf = (el) => {
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (box === document.body || getComputedStyle(box).overflowX !== 'visible') return box;
    }
    return document.body;
  };
  for (const table of document.querySelectorAll('table')) {
    if (!visible(table)) continue;
    const box = containerOf(table);
    const width = Math.round(table.getBoundingClientRect().width);
    if (width > box.clientWidth + 1) {
      const name = table.getAttribute('aria-label') || table.querySelector('th')?.textContent || '';
      cuts.push({ what: 'table', text: name, width, room: box.clientWidth });
    }
  }
  for (const badge of document.querySelectorAll('.mantine-Badge-root')) {
    if (!visible(badge)) continue;
    for (const el of [badge, ...badge.querySelectorAll('.mantine-Badge-label')]) {
      if (el.scrollWidth > el.clientWidth) {
        cuts.push({ what: 'badge', text: badge.textContent || '', width: el.scrollWidth, room: el.clientWidth });
        break;
      }
    }
  }
  return cuts;
})()`;
const cutOff = (page: Page) => page.evaluate<Cut[]>(CUT_OFF);

/**
 * The button is wholly inside the window as it opened (nothing scrolled) and is what a click at
 * its middle reaches: no notification, footer or other layer lies over it.
 */
const expectReachable = async (page: Page, button: Locator, where: string) => {
  await expect(button, `${where}: in sight without scrolling`).toBeInViewport({ ratio: 1 });
  const box = await button.boundingBox();
  expect(box, where).not.toBeNull();
  const x = Math.round((box?.x ?? 0) + (box?.width ?? 0) / 2);
  const y = Math.round((box?.y ?? 0) + (box?.height ?? 0) / 2);
  const hit = await page.evaluate<string | null>(
    `document.elementFromPoint(${String(x)}, ${String(y)})?.closest('button')?.textContent ?? null`,
  );
  expect(hit, `${where}: nothing covers it`).toBe(await button.textContent());
};

// The demo office (six months, 300 clients) is made once, then every screen is visited at every size.
test.describe.configure({ timeout: 1_200_000 });
test.use({ serverArgs: ['--demo'] });

test('nothing is cut off on any screen at 1280×800, 1440×900 and 1920×1080', async ({
  page,
}, testInfo) => {
  const auth = authPage(page);
  await auth.open();
  const password = (await page.getByTestId('demo-password').textContent()) ?? '';
  await auth.signIn('admin', password);
  // The first real sign-in rehashes the seeded password (slow on a busy machine).
  await expect(page.getByTestId('current-user')).toHaveText('Amina Hassan', { timeout: 60_000 });

  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const screen of SCREENS) {
      await test.step(`${screen.name} at ${size.name}`, async () => {
        await page.goto(`/#${screen.path}`);
        await expect(screen.ready(page)).toBeVisible();
        if (screen.then) await screen.then(page);
        if (screen.shown) await expect(screen.shown(page)).toBeVisible();
        const file = resolve(SCREENS_DIR, size.name, `${screen.name}.png`);
        mkdirSync(dirname(file), { recursive: true });
        await page.screenshot({ path: file });
        await testInfo.attach(`${size.name}/${screen.name}`, {
          path: file,
          contentType: 'image/png',
        });
        expect.soft(await cutOff(page), `${screen.name} at ${size.name}`).toEqual([]);
        if (screen.reachable) {
          await expectReachable(page, screen.reachable(page), `${screen.name} at ${size.name}`);
        }
        // A dialog opened for the picture is closed before the next screen.
        if (screen.shown) await page.keyboard.press('Escape');
      });
    }
  }

  // The next client straight after one is saved: the "added" notice does not cover Save.
  await test.step('add client after a save at 1280x800', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/#/clients');
    await expect(firstRow(page, 'Clients')).toBeVisible();
    await page.getByRole('button', { name: 'Add client' }).click();
    const form = page.getByRole('form', { name: 'Add client' });
    await form.getByLabel('Full name', { exact: true }).fill('Wanjiru Layoutcheck');
    await form.getByLabel('Phone', { exact: true }).fill('+254700111222');
    // The first active plan of the form's service type.
    await form.getByLabel('Plan', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Service login', { exact: true }).fill('wanjiru.layout');
    await form.getByLabel('Service password', { exact: true }).fill('layout-check-1');
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect(
      page.getByRole('heading', { name: 'Wanjiru Layoutcheck', level: 1 }),
    ).toBeVisible();
    const notice = page.getByText(/Wanjiru Layoutcheck was added as/);
    await expect(notice).toBeVisible();
    await page.goto('/#/clients');
    await page.getByRole('button', { name: 'Add client' }).click();
    await expect(page.getByRole('dialog', { name: 'Add client' })).toBeVisible();
    await expect(notice).toBeVisible();
    await expectReachable(
      page,
      page.getByRole('button', { name: 'Create client' }),
      'client-add with a notification at 1280x800',
    );
    await page.keyboard.press('Escape');
  });
});
