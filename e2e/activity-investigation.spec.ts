import { test, expect } from './fixtures/app.fixture';
import { activityApi, activityPage } from './pages/activity.page';

const failed = (name: string) => `Failed sign-in as "${name}"`;

test.beforeEach(async ({ page }) => {
  const api = activityApi(page.request);
  await api.setup();
});

/**
 * A whole-hour time zone in which it is now between 12:00 and 13:00, whatever the time of day the
 * test runs at: the hourly buckets of "Last 24 hours" then put local midnight where the first drag
 * below ends (bucket 11 of 25), so the test always covers a zoom that ends at midnight.
 */
const zoneWhereItIsNoon = (now: number): string => {
  const offset = 12 - new Date(now).getUTCHours(); // -11 … +12 hours from UTC
  // POSIX-style names: "Etc/GMT-5" is five hours ahead of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${String(Math.abs(offset))}`;
};

test.describe('at noon, local time', () => {
  test('histogram: dragging across it zooms the date range, and the results follow', async ({
    page,
  }) => {
    // The page's clock runs in a zone where it is now just past noon (chosen as the test starts).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: zoneWhereItIsNoon(Date.now()) });
    const api = activityApi(page.request);
    await api.failedLogin('ghost-zoom');
    const log = activityPage(page);
    await log.open();
    await log.quickRange('Last 24 hours');
    await expect(log.row(failed('ghost-zoom'))).toHaveCount(1);

    // The left half of the last 24 hours is long before anything happened.
    await log.dragHistogram(0.02, 0.45);
    await expect.poll(() => log.params().get('range')).toBeNull();
    expect(log.params().get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    // A bucket's last minute: at noon local time, 23:59 of yesterday.
    expect(log.params().get('to')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:59$/);
    await expect(page.getByText('No entries match these filters.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Clear time range' })).toBeVisible();

    // Back to the whole day, then zoom into its last hours, where the sign-in is.
    await page.goBack();
    await expect.poll(() => log.params().get('range')).toBe('24h');
    await expect(log.row(failed('ghost-zoom'))).toHaveCount(1);
    const searched = page.waitForRequest(
      (r) =>
        r.url().endsWith('/api/activity.search') &&
        typeof (r.postDataJSON() as { filter?: { to?: unknown } }).filter?.to === 'number',
    );
    await log.dragHistogram(0.9, 1);
    const { filter } = (await searched).postDataJSON() as { filter: { from: number; to: number } };
    expect(filter.to - filter.from).toBeLessThan(4 * 60 * 60 * 1000);
    await expect(log.row(failed('ghost-zoom'))).toHaveCount(1);
    expect(log.params().get('from')).not.toBeNull();
    await expect(log.histogram).toHaveAccessibleName(/per hour/);
  });
});

test('pivot: from an entry to everything from its IP address', async ({ page }) => {
  const api = activityApi(page.request);
  await api.failedLogin('ghost-pivot');
  const log = activityPage(page);
  await log.open('q=ghost');
  const drawer = await log.openEntry(failed('ghost-pivot'));
  await expect(drawer).toContainText('127.0.0.1');

  await log.pivot('Everything from this IP');
  await expect.poll(() => log.params().toString()).toBe('ip=127.0.0.1');
  await expect(page.getByRole('textbox', { name: 'IP address' })).toHaveValue('127.0.0.1');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  // Everything from that address, and nothing else (the start-up entry has the machine's IP).
  await expect(log.row(failed('ghost-pivot'))).toHaveCount(1);
  await expect(log.row(/created at first-run setup/)).toHaveCount(1);
  await expect(log.row(/started \(headless\)/)).toHaveCount(0);
  const ips = await log.rows.getByRole('button', { name: /^Filter by IP / }).allTextContents();
  expect(ips.length).toBeGreaterThan(1);
  expect(new Set(ips)).toEqual(new Set(['127.0.0.1']));
});

test('surrounding entries: from a row, every filter cleared, and the bookmark opened cold', async ({
  page,
}) => {
  const api = activityApi(page.request);
  await api.failedLogin('ghost-around');
  const log = activityPage(page);
  await log.open('q=ghost-around');
  const row = log.row(failed('ghost-around'));
  await expect(row).toHaveCount(1);
  const id = (await row.getAttribute('data-entry-id')) ?? '';
  await row.getByRole('button', { name: `Show surrounding entries of entry ${id}` }).click();

  await expect.poll(() => log.params().get('around')).toBe(id);
  expect(log.params().get('q')).toBeNull();
  expect(log.params().get('span')).toBe('5m');
  const marked = log.table.locator('tbody tr[data-around]');
  await expect(marked).toHaveAttribute('data-entry-id', id);
  await expect(marked).toBeInViewport();
  // The first-run setup a moment before is around it too, now that the search is cleared.
  await expect(log.row(/created at first-run setup/)).toHaveCount(1);

  // The link with only the entry and the span, loaded afresh: the same window, marked.
  await page.goto('about:blank');
  await log.open(`around=${id}&span=5m`);
  await expect(marked).toHaveAttribute('data-entry-id', id);
  await expect(marked).toBeInViewport();
  await expect.poll(() => log.params().get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await expect(log.row(/created at first-run setup/)).toHaveCount(1);
});

test('saved search: save the filter, clear it, apply it again', async ({ page }) => {
  const api = activityApi(page.request);
  await api.failedLogin('ghost-saved');
  await api.login();
  const log = activityPage(page);
  await log.open();
  await log.search('ghost');
  await log.facet(/^Outcome Failure: /).click();
  await expect(log.rows).toHaveCount(1);
  await expect(log.row(failed('ghost-saved'))).toHaveCount(1);

  await log.saveSearch('Ghost sign-ins');
  await log.clearFilters();
  await expect(log.row(/signed in$/)).not.toHaveCount(0);
  await expect.poll(() => log.params().toString()).toBe('');

  await log.applySavedSearch('Ghost sign-ins');
  await expect.poll(() => log.params().get('q')).toBe('ghost');
  expect(log.params().get('outcome')).toBe('failure');
  await expect(log.rows).toHaveCount(1);
  await expect(log.row(failed('ghost-saved'))).toHaveCount(1);

  // The saved search survives a reload: it is kept by the server for this staff member.
  await page.reload();
  await log.clearFilters();
  await log.applySavedSearch('Ghost sign-ins');
  await expect(log.rows).toHaveCount(1);
});

test('live tail: entries recorded by another request appear without a reload', async ({ page }) => {
  const api = activityApi(page.request);
  const log = activityPage(page);
  await log.open();
  await expect(log.rows.first()).toBeVisible();
  // A full reload would lose this.
  type Marked = { liveMarker?: number };
  await page.evaluate(() => {
    (globalThis as Marked).liveMarker = 42;
  });

  await log.liveTail.check();
  await expect(log.liveTail).toBeChecked();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();

  await api.failedLogin('ghost-live-1');
  await expect(log.rows.first()).toContainText(failed('ghost-live-1'));

  // Reading an entry pauses the tail; what arrives meanwhile waits, then shows.
  await log.openEntry(failed('ghost-live-1'));
  await api.failedLogin('ghost-live-2');
  await expect(log.liveStatus).toContainText('Paused — 1 new');
  await expect(log.row(failed('ghost-live-2'))).toHaveCount(0);
  await log.closeEntry();
  await expect(log.rows.first()).toContainText(failed('ghost-live-2'));
  await expect(log.row(failed('ghost-live-1'))).toHaveCount(1);

  expect(await page.evaluate(() => (globalThis as Marked).liveMarker)).toBe(42);
});

test('export: the current filter as CSV and as NDJSON, with the right rows', async ({ page }) => {
  const api = activityApi(page.request);
  await api.failedLogin('ghost-export-a');
  await api.failedLogin('ghost-export-b');
  const log = activityPage(page);
  await log.open('q=ghost-export');
  await expect(log.rows).toHaveCount(2);

  const csv = await log.exportCsv();
  expect(csv.file.suggestedFilename()).toMatch(/^activity-\d{8}-\d{6}\.csv$/);
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^id,timestamp,type,category,event,outcome,/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('ghost-export-b');
  expect(lines[2]).toContain('ghost-export-a');
  expect(lines.slice(1).every((l) => l.includes('auth.login.failed'))).toBe(true);

  const ndjson = await log.exportNdjson();
  expect(ndjson.file.suggestedFilename()).toMatch(/^activity-\d{8}-\d{6}\.ndjson$/);
  const records = ndjson.text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; description: string; ip: string });
  expect(records.map((r) => r.description)).toEqual([
    `${failed('ghost-export-b')}: no such user`,
    `${failed('ghost-export-a')}: no such user`,
  ]);
  expect(records.every((r) => r.event === 'auth.login.failed' && r.ip === '127.0.0.1')).toBe(true);
  await expect(page.getByText('NDJSON export complete')).toBeVisible();
});

test('archive: older entries open read-only, an old entry is found, and the archive verifies', async ({
  page,
}) => {
  const api = activityApi(page.request);
  await api.failedLogin('ghost-old');
  const archived = await api.archiveBefore(Date.now());
  expect(archived.entries).toBeGreaterThanOrEqual(3);

  const log = activityPage(page);
  await log.open();
  // The live log no longer holds it.
  await expect(log.row(/archived \d+ activity entries|archived/i).first()).toBeVisible();
  await expect(log.row(failed('ghost-old'))).toHaveCount(0);

  const dialog = await log.openArchives();
  await expect(dialog.getByRole('table', { name: 'Archives' })).toContainText(archived.file);
  const checkpoints = await log.exportCheckpoints(dialog);
  expect(checkpoints.file.suggestedFilename()).toMatch(/^activity-checkpoints-.*\.json$/);
  const exported = JSON.parse(checkpoints.text) as { publicKey: string; checkpoints: unknown[] };
  expect(exported.publicKey).toContain('BEGIN PUBLIC KEY');
  expect(exported.checkpoints.length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: `Open archive ${archived.file}` }).click();
  await expect(page.getByText(`Reviewing archive ${archived.file} (read-only)`)).toBeVisible();
  expect(log.params().get('archive')).toBe(archived.file);
  await expect(log.liveTail).toHaveCount(0);

  await log.search('ghost-old');
  const drawer = await log.openEntry(failed('ghost-old'));
  await expect(drawer.getByRole('table', { name: 'Entry fields' })).toContainText(
    'auth.login.failed',
  );
  await log.closeEntry();

  await log.verify();
  await expect(page.getByText('Integrity verified')).toBeVisible();
  await expect(
    page.getByText(`Archive ${archived.file}: ${String(archived.entries)} entries checked`),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Back to the live log' }).click();
  await expect(page.getByText(/Reviewing archive/)).toHaveCount(0);
  await expect(log.row(failed('ghost-old'))).toHaveCount(0);
});
