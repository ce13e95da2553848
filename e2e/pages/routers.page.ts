import { expect, type Page } from '@playwright/test';

export type RouterSpec = {
  name: string;
  host: string;
  port: string;
  apiUser: string;
  password: string;
  pollIntervalSec?: string;
};

/** The Routers screen: table, add/edit dialog with "Test connection", router page. */
export const routersPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Routers' });
  const form = page.getByRole('form', { name: 'Add router' });
  return {
    table,
    form,

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Routers' })
        .click();
      await expect(page.getByRole('heading', { name: 'Routers', level: 1 })).toBeVisible();
    },

    async fillAddForm(router: RouterSpec) {
      await page.getByRole('button', { name: 'Add router' }).click();
      await form.getByLabel('Name').fill(router.name);
      await form.getByLabel('Address').fill(router.host);
      await form.getByLabel('Port').fill(router.port);
      await form.getByLabel('API-SSL').selectOption({ value: 'off' });
      await form.getByLabel('API user').fill(router.apiUser);
      await form.getByLabel('API password').fill(router.password);
      if (router.pollIntervalSec !== undefined) {
        await form.getByLabel('Poll interval (seconds)').fill(router.pollIntervalSec);
      }
    },

    async testConnection() {
      await form.getByRole('button', { name: 'Test connection' }).click();
    },

    async save() {
      await form.getByRole('button', { name: 'Save router' }).click();
      await expect(form).toBeHidden();
    },

    row(name: string) {
      return table.getByRole('row').filter({ hasText: name });
    },

    /** Opens one router's page from the table; resolves with its id (from the URL). */
    async openRouter(name: string): Promise<number> {
      await this.row(name).getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
      const match = /#\/routers\/(\d+)/.exec(page.url());
      return Number(match?.[1]);
    },

    queue: page.getByRole('region', { name: 'Provisioning queue' }),
    sync: page.getByRole('region', { name: 'Sync' }),

    /** The provisioning queue's row for a client or plan ("AC000001 Amina …"). */
    queueRow(subject: string) {
      return page
        .getByRole('table', { name: 'Pending changes' })
        .locator('tbody tr')
        .filter({ hasText: subject });
    },

    async previewSync() {
      await this.sync.getByRole('button', { name: 'Preview sync' }).click();
    },
  };
};

export type NetworkSettingsSpec = {
  autoSyncIntervalMin?: string;
  expiryIntervalMin?: string;
  cpuThresholdPct?: string;
  memoryThresholdPct?: string;
  drift?: 'Only report it' | 'Fix it automatically';
};

/** Network settings (from the Routers screen): job intervals, drift handling, thresholds. */
export const networkSettingsPage = (page: Page) => {
  const form = page.getByRole('form', { name: 'Network settings' });
  return {
    form,

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Routers' })
        .click();
      await page.getByRole('link', { name: 'Network settings' }).click();
      await expect(page.getByRole('heading', { name: 'Network settings', level: 1 })).toBeVisible();
    },

    async fill(s: NetworkSettingsSpec) {
      const fields: [keyof NetworkSettingsSpec, string][] = [
        ['autoSyncIntervalMin', 'Auto-sync interval (minutes)'],
        ['expiryIntervalMin', 'Expiry interval (minutes)'],
        ['cpuThresholdPct', 'CPU threshold (%)'],
        ['memoryThresholdPct', 'Memory threshold (%)'],
      ];
      for (const [key, label] of fields) {
        const value = s[key];
        if (value !== undefined) await form.getByLabel(label).fill(value);
      }
      if (s.drift) await form.getByRole('radio', { name: s.drift }).check();
    },

    async save() {
      await form.getByRole('button', { name: 'Save network settings' }).click();
    },
  };
};
