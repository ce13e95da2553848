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
  };
};
