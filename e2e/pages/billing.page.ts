import { expect, type Page } from '@playwright/test';

export type Payment = {
  amount: string;
  method: 'Cash' | 'Mobile money' | 'Bank' | 'Other';
  reference?: string;
  renew?: boolean;
};

/** Money on a client's page (payment, refund, renewal, ledger) and the printable receipt. */
export const billingPage = (page: Page) => {
  const ledger = page.getByRole('table', { name: 'Ledger' });
  const actions = page.getByRole('toolbar', { name: 'Client actions' });
  const receipt = page.getByTestId('receipt');
  return {
    ledger,
    receipt,

    ledgerRows(kind: 'charge' | 'payment' | 'refund' | 'adjustment' | 'void') {
      return ledger.locator(`tbody tr[data-kind="${kind}"]`);
    },

    balance() {
      return page.getByTestId('client-balance');
    },

    expires() {
      return page.getByTestId('client-expires');
    },

    /** Records a payment; the app then shows its receipt. */
    async takePayment(payment: Payment) {
      await actions.getByRole('button', { name: 'Take payment' }).click();
      const form = page.getByRole('form', { name: 'Take payment' });
      await form.getByLabel('Amount received').fill(payment.amount);
      await form.getByRole('radio', { name: payment.method }).check();
      if (payment.reference) await form.getByLabel('Reference').fill(payment.reference);
      const renew = form.getByRole('checkbox', { name: 'Also renew the plan' });
      if (payment.renew !== undefined) await renew.setChecked(payment.renew);
      await form.getByRole('button', { name: 'Record payment' }).click();
      await expect(receipt).toBeVisible();
    },

    async printReceipt() {
      await page.getByRole('button', { name: 'Print receipt' }).click();
    },

    async backToClient(fullName: string) {
      await page.getByRole('link', { name: `Back to ${fullName}` }).click();
      await expect(page.getByRole('heading', { name: fullName, level: 1 })).toBeVisible();
    },

    async refund(receiptCode: string, amount: string, reason: string) {
      await ledger.getByRole('button', { name: `Refund payment ${receiptCode}` }).click();
      const form = page.getByRole('form', { name: 'Refund payment' });
      await form.getByLabel('Refund amount').fill(amount);
      await form.getByLabel('Reason').fill(reason);
      await form.getByRole('button', { name: 'Record refund' }).click();
      await expect(form).toBeHidden();
    },

    async renew(periods = '1') {
      await actions.getByRole('button', { name: 'Renew' }).click();
      const form = page.getByRole('form', { name: 'Renew plan' });
      await form.getByLabel('Periods').fill(periods);
      await form.getByRole('button', { name: 'Renew' }).click();
      await expect(form).toBeHidden();
    },
  };
};
