import { expect, type Page } from '@playwright/test';

export type ClientSpec = {
  fullName: string;
  phone: string;
  email?: string;
  address?: string;
  latitude?: string;
  longitude?: string;
  serviceLogin: string;
  servicePassword: string;
  staticIp?: string;
  mac?: string;
  plan: string;
  /** The router's name, as the Router list shows it. */
  router?: string;
};

/** The client list (search, filters, add, import) and one client's page (details, actions). */
export const clientsPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Clients' });
  const actions = page.getByRole('toolbar', { name: 'Client actions' });
  return {
    table,
    actions,

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Clients' })
        .click();
      await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
    },

    async search(text: string) {
      await page.getByLabel('Search clients').fill(text);
    },

    row(text: string) {
      return table.locator('tbody tr').filter({ hasText: text });
    },

    /** Adds a client through the dialog; the app then opens the new client's page. */
    async create(client: ClientSpec) {
      await page.getByRole('button', { name: 'Add client' }).click();
      const form = page.getByRole('form', { name: 'Add client' });
      await form.getByLabel('Full name', { exact: true }).fill(client.fullName);
      await form.getByLabel('Phone', { exact: true }).fill(client.phone);
      if (client.email) await form.getByLabel('Email', { exact: true }).fill(client.email);
      if (client.address) await form.getByLabel('Address', { exact: true }).fill(client.address);
      if (client.latitude) await form.getByLabel('Latitude', { exact: true }).fill(client.latitude);
      if (client.longitude)
        await form.getByLabel('Longitude', { exact: true }).fill(client.longitude);
      await form.getByLabel('Plan', { exact: true }).selectOption({ label: client.plan });
      await form.getByLabel('Service login', { exact: true }).fill(client.serviceLogin);
      await form.getByLabel('Service password', { exact: true }).fill(client.servicePassword);
      if (client.staticIp)
        await form.getByLabel('Static IP', { exact: true }).fill(client.staticIp);
      if (client.mac) await form.getByLabel('MAC address', { exact: true }).fill(client.mac);
      if (client.router) {
        await form.getByLabel('Router', { exact: true }).selectOption({ label: client.router });
      }
      await form.getByRole('button', { name: 'Create client' }).click();
      await expect(page.getByRole('heading', { name: client.fullName, level: 1 })).toBeVisible();
    },

    /** The id in `#/clients/<id>` of the client page that is open. */
    async currentClientId(): Promise<number> {
      await expect(page).toHaveURL(/#\/clients\/\d+/);
      const match = /#\/clients\/(\d+)/.exec(page.url());
      return Number(match?.[1]);
    },

    status() {
      return page.getByTestId('client-status');
    },

    async archive(reason: string) {
      await actions.getByRole('button', { name: 'Archive client' }).click();
      const form = page.getByRole('form', { name: 'Archive client' });
      await form.getByLabel('Reason (optional)').fill(reason);
      await form.getByRole('button', { name: 'Archive client' }).click();
      await expect(form).toBeHidden();
      await expect(actions.getByRole('button', { name: 'Restore client' })).toBeVisible();
    },

    /** Edit client: sets a new service password (the router gets it through the queue). */
    async changePassword(password: string) {
      await actions.getByRole('button', { name: 'Edit client' }).click();
      const form = page.getByRole('form', { name: /^Edit client / });
      await form.getByLabel('New service password', { exact: true }).fill(password);
      await form.getByRole('button', { name: 'Save client' }).click();
      await expect(form).toBeHidden();
    },

    /** An administrator moves the service end to the end of `day` (yyyy-MM-dd, office zone). */
    async correctExpiry(day: string, reason: string) {
      await actions.getByRole('button', { name: 'Correct expiry' }).click();
      const form = page.getByRole('form', { name: 'Correct expiry date' });
      await form.getByLabel('Service ends after').fill(day);
      await form.getByLabel('Reason').fill(reason);
      await form.getByRole('button', { name: 'Save expiry date' }).click();
      await expect(form).toBeHidden();
    },

    /** "Run expiry now" on the client list; resolves once its summary is shown. */
    async runExpiryNow() {
      await page.getByRole('button', { name: 'Run expiry now' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Expiry processing' });
      await expect(summary).toBeVisible();
      return summary;
    },

    async restore() {
      await actions.getByRole('button', { name: 'Restore client' }).click();
      await expect(actions.getByRole('button', { name: 'Archive client' })).toBeVisible();
    },
  };
};
