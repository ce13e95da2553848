import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, client, ledgerEntry, plan, staffUser } from '../../test-utils/office-fixtures';

const AMINA = client(1, { fullName: 'Amina Otieno' });
const ENTRIES = [
  ledgerEntry(5, { kind: 'adjustment', amount: -5_000, method: null, receiptNumber: null }),
  ledgerEntry(4, { kind: 'refund', amount: -1_000, receiptNumber: 3, relatesTo: 1 }),
  ledgerEntry(3, {
    kind: 'adjustment',
    amount: 700,
    method: null,
    receiptNumber: null,
    voided: true,
  }),
  ledgerEntry(2, { kind: 'charge', amount: -2_500, method: null, receiptNumber: null, planId: 1 }),
  ledgerEntry(1, { receiptNumber: 1, refunded: 1_000 }),
];

const renderLedger = () => {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser('administrator') }),
    'settings.get': () => SETTINGS,
    'clients.get': () => AMINA,
    'plans.list': () => [plan(1, { name: 'Home 10M' })],
    'billing.ledger': () => ({ entries: ENTRIES, nextCursor: null, balance: 0 }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
    'billing.void': () => ({
      entry: ledgerEntry(6, { kind: 'void', amount: 5_000, relatesTo: 5, method: null }),
      receipt: null,
      client: AMINA,
      renewal: null,
    }),
  });
  return { transport, ...renderApp(transport, '/clients/1') };
};

describe('Voids in the ledger', () => {
  it('offers Void for refunds and adjustments a person made, never for a charge, a voided entry or a refunded payment', async () => {
    renderLedger();
    const ledger = await screen.findByRole('table', { name: 'Ledger' });
    const voids = within(ledger)
      .getAllByRole('button', { name: /^Void / })
      .map((b) => b.getAttribute('aria-label'));
    expect(voids).toEqual(['Void adjustment #5', 'Void refund R-000003']);
  });

  it('voids an adjustment with a reason, in words that fit an adjustment', async () => {
    const { transport } = renderLedger();
    fireEvent.click(await screen.findByRole('button', { name: 'Void adjustment #5' }));
    const form = await screen.findByRole('form', { name: 'Void adjustment' });
    expect(form).toHaveTextContent('The adjustment of KES 50.00 made on');
    expect(form).not.toHaveTextContent('receipt');
    fireEvent.change(within(form).getByLabelText('Reason'), {
      target: { value: 'Fee waived by manager' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Void adjustment' }));
    await waitFor(() =>
      expect(transport.inputsOf('billing.void')).toEqual([
        { entryId: 5, reason: 'Fee waived by manager' },
      ]),
    );
  });
});
