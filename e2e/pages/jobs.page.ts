import { expect, type Page } from '@playwright/test';

/** The Scheduled jobs screen: the jobs table with "Run now", and the backup settings. */
export const jobsPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Scheduled jobs' });
  return {
    table,
    backupForm: page.getByRole('form', { name: 'Backup settings' }),

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Scheduled jobs' })
        .click();
      await expect(page.getByRole('heading', { name: 'Scheduled jobs', level: 1 })).toBeVisible();
    },

    row(label: string) {
      return table.getByRole('row').filter({ hasText: label });
    },

    async runNow(label: string) {
      await this.row(label)
        .getByRole('button', { name: `Run ${label} now` })
        .click();
    },

    outcome(label: string) {
      return this.row(label).locator('[data-outcome]');
    },
  };
};
