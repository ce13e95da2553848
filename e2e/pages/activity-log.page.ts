import { expect, type Page } from '@playwright/test';

/** The Activity Log screen: filters, results table, export. */
export const activityLogPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Activity log entries' });
  return {
    table,
    rows: table.locator('tbody tr'),

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Activity log' })
        .click();
      await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
    },

    async search(text: string) {
      await page.getByLabel('Search').fill(text);
    },

    async filterByIp(ip: string) {
      await page.getByLabel('IP address').fill(ip);
    },

    async clearFilters() {
      await page.getByRole('button', { name: 'Clear filters' }).click();
    },

    row(text: string | RegExp) {
      return table.locator('tbody tr').filter({ hasText: text });
    },
  };
};
