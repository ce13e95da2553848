import { readFile } from 'node:fs/promises';
import { expect, type APIRequestContext, type Download, type Page } from '@playwright/test';

export const ADMIN = {
  username: 'investigator',
  displayName: 'Wanjiku Investigator',
  password: 'correct horse battery staple',
};

const HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' };

/**
 * The server's API through the page's own request context (it shares the page's cookies, so
 * first-run setup signs the page in). Used to create history quickly: sign-ins that fail and
 * succeed are logged like any other.
 */
export const activityApi = (request: APIRequestContext) => {
  const post = async (name: string, data: unknown) => {
    const res = await request.post(`/api/${name}`, { headers: HEADERS, data });
    return { status: res.status(), body: (await res.json()) as { ok: boolean; value?: unknown } };
  };
  return {
    post,
    async setup() {
      const { body } = await post('auth.setup', ADMIN);
      expect(body.ok, 'first-run setup').toBe(true);
    },
    /** A sign-in as a user that does not exist: logged as `Failed sign-in as "<name>"`. */
    async failedLogin(username: string) {
      const { status } = await post('auth.login', { username, password: 'not-a-password' });
      expect(status).toBe(401);
    },
    async login() {
      const { body } = await post('auth.login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(body.ok, 'sign-in').toBe(true);
    },
    async archiveBefore(before: number) {
      const { body } = await post('activity.archive', { before });
      expect(body.ok, 'archive').toBe(true);
      return body.value as { file: string; firstId: number; lastId: number; entries: number };
    },
  };
};

/** The Activity Log screen, as an investigator uses it. */
export const activityPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Activity log entries' });
  const drawer = page.getByRole('dialog', { name: /^Entry #/ });
  const histogram = page.getByRole('img', { name: /^Histogram:/ });
  const savedSearches = page.getByRole('dialog', { name: 'Saved searches' });
  const params = () => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

  const download = async (
    start: () => Promise<void>,
  ): Promise<{ file: Download; text: string }> => {
    const [file] = await Promise.all([page.waitForEvent('download'), start()]);
    return { file, text: await readFile(await file.path(), 'utf8') };
  };

  return {
    table,
    drawer,
    histogram,
    rows: table.locator('tbody tr'),
    row: (text: string | RegExp) => table.locator('tbody tr').filter({ hasText: text }),
    /** The URL's filter parameters (`#/activity?…`). */
    params,

    async open(query = '') {
      await page.goto(`/#/activity${query ? `?${query}` : ''}`);
      await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Activity (log|archive)$/);
    },

    async search(text: string) {
      await page.getByRole('searchbox', { name: 'Search' }).fill(text);
    },

    async quickRange(label: 'Last 24 hours' | 'Last 7 days' | 'Last 30 days' | 'All time') {
      await page.getByRole('button', { name: label }).click();
    },

    /** Drags across the histogram from one fraction of its width to another. */
    async dragHistogram(from: number, to: number) {
      await expect(histogram).toBeVisible();
      const box = await histogram.boundingBox();
      if (!box) throw new Error('the histogram has no box');
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * from, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
      await page.mouse.move(box.x + box.width * to, y, { steps: 4 });
      await page.mouse.up();
    },

    facet(name: string | RegExp) {
      return page
        .getByRole('complementary', { name: 'Facet counts' })
        .getByRole('button', { name });
    },

    async openEntry(text: string | RegExp) {
      await table
        .locator('tbody tr')
        .filter({ hasText: text })
        .first()
        .getByRole('button', { name: /^Open entry/ })
        .click();
      await expect(drawer).toBeVisible();
      return drawer;
    },

    async closeEntry() {
      await page.getByRole('button', { name: 'Close entry details' }).click();
      await expect(drawer).toHaveCount(0);
    },

    async pivot(name: string) {
      await drawer.getByRole('button', { name }).click();
      await expect(drawer).toHaveCount(0);
    },

    async saveSearch(name: string) {
      await page.getByRole('button', { name: 'Saved searches' }).click();
      await savedSearches.getByRole('button', { name: 'Save current search…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save search' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('button', { name: 'Save search', exact: true }).click();
      await expect(dialog).toHaveCount(0);
    },

    async applySavedSearch(name: string) {
      await page.getByRole('button', { name: 'Saved searches' }).click();
      await savedSearches.getByRole('button', { name: `Apply saved search ${name}` }).click();
      await expect(savedSearches).toHaveCount(0);
    },

    async clearFilters() {
      await page.getByRole('button', { name: 'Clear filters' }).click();
    },

    liveTail: page.getByRole('switch', { name: 'Live tail' }),
    liveStatus: page.getByTestId('live-tail-status'),

    exportCsv: () => download(() => page.getByRole('button', { name: 'Export CSV' }).click()),
    exportNdjson: () =>
      download(async () => {
        await page.getByRole('button', { name: 'Export formats' }).click();
        await page.getByRole('menuitem', { name: 'Export NDJSON' }).click();
      }),

    async openArchives() {
      await page.getByRole('button', { name: 'Archives' }).click();
      const dialog = page.getByRole('dialog', { name: 'Activity archives' });
      await expect(dialog).toBeVisible();
      return dialog;
    },

    async openArchive(name: string) {
      const dialog = await this.openArchives();
      await dialog.getByRole('button', { name: `Open archive ${name}` }).click();
      await expect(page.getByText(`Reviewing archive ${name} (read-only)`)).toBeVisible();
    },

    exportCheckpoints: (dialog: ReturnType<Page['getByRole']>) =>
      download(() => dialog.getByRole('button', { name: 'Export checkpoints' }).click()),

    async verify() {
      await page.getByRole('button', { name: 'Verify integrity' }).click();
    },
  };
};
