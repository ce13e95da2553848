import { expect, type Page } from '@playwright/test';

export type PlanSpec = {
  name: string;
  serviceType?: 'PPPoE' | 'Hotspot';
  download: string;
  upload: string;
  price: string;
  validity: string;
  validityUnit?: 'Days' | 'Calendar months';
  routerProfile: string;
  isolationProfile?: string;
  isolationAddressList?: string;
  graceDays?: string;
};

/** The Plans screen: table, add/edit dialog, retire and delete. */
export const plansPage = (page: Page) => {
  const table = page.getByRole('table', { name: 'Plans' });
  return {
    table,

    async open() {
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Plans' })
        .click();
      await expect(page.getByRole('heading', { name: 'Plans', level: 1 })).toBeVisible();
    },

    async create(plan: PlanSpec) {
      await page.getByRole('button', { name: 'Add plan' }).click();
      const form = page.getByRole('form', { name: 'Add plan' });
      await form.getByLabel('Plan name').fill(plan.name);
      await form.getByLabel('Service type').selectOption({ label: plan.serviceType ?? 'PPPoE' });
      await form.getByLabel('Download rate', { exact: true }).fill(plan.download);
      await form.getByLabel('Upload rate', { exact: true }).fill(plan.upload);
      await form.getByLabel('Price').fill(plan.price);
      await form.getByLabel('Validity', { exact: true }).fill(plan.validity);
      await form.getByLabel('Validity unit').selectOption({ label: plan.validityUnit ?? 'Days' });
      await form.getByLabel('Router profile').fill(plan.routerProfile);
      await form.getByLabel('Isolation profile').fill(plan.isolationProfile ?? 'expired');
      if (plan.isolationAddressList) {
        await form.getByLabel('Isolation address list').fill(plan.isolationAddressList);
      }
      await form.getByLabel('Grace days').fill(plan.graceDays ?? '0');
      await form.getByRole('button', { name: 'Create plan' }).click();
      await expect(form).toBeHidden();
      await expect(this.row(plan.name)).toBeVisible();
    },

    row(name: string) {
      return table.locator('tbody tr').filter({ hasText: name });
    },
  };
};
