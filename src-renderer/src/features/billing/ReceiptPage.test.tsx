import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Receipt } from '@contract/schemas/billing';
import type { OfficeProfile } from '@contract/schemas/settings';
import { createFakeTransport, fakeError, type FakeError } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { PROFILE, SETTINGS, receipt, staffUser } from '../../test-utils/office-fixtures';

function renderReceipt(
  path: string,
  r: (n: number) => Receipt | null,
  profile: () => OfficeProfile | FakeError = () => PROFILE,
) {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
    'settings.get': () => SETTINGS,
    'office.profile': profile,
    'receipts.get': ({ number }) => r(number) ?? fakeError('not_found', 'No such receipt.'),
  });
  return { transport, ...renderApp(transport, path) };
}

describe('Receipt', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows every printed field in the receipt’s currency and the office time zone', async () => {
    renderReceipt('/receipts/42', (n) => receipt(n));
    const article = await screen.findByRole('article', { name: 'Payment receipt R-000042' });
    const details = within(article).getByRole('table', { name: 'Receipt details' });
    const row = (label: string) =>
      within(details).getByRole('rowheader', { name: label }).parentElement;
    expect(row('Receipt no.')).toHaveTextContent('R-000042');
    expect(row('Date')).toHaveTextContent('2025-01-15 10:00 (Africa/Nairobi)');
    expect(row('Client')).toHaveTextContent('Amina Otieno');
    expect(row('Account')).toHaveTextContent('AC000001');
    expect(row('Amount received')).toHaveTextContent('KES 3,000.00');
    expect(row('Method')).toHaveTextContent('Mobile money');
    expect(row('Reference')).toHaveTextContent('QX7731');
    expect(row('Renewal')).toHaveTextContent('Home 10M: 2025-01-15 10:00 to 2025-02-15 10:00');
    expect(row('Balance after')).toHaveTextContent('KES 500.00');
    expect(row('Served by')).toHaveTextContent('Carla Cashier');
    expect(within(article).queryByText('VOID')).not.toBeInTheDocument();
  });

  it('is headed by the office’s name, address, phone and registration number, with its footer', async () => {
    renderReceipt('/receipts/42', (n) => receipt(n));
    const article = await screen.findByRole('article', { name: 'Payment receipt R-000042' });
    const issuer = within(article).getByTestId('receipt-issuer');
    expect(issuer).toHaveTextContent('Kilimani Net Ltd');
    expect(issuer).toHaveTextContent('Argwings Kodhek Rd 12');
    expect(issuer).toHaveTextContent('Tel. +254 700 123 456');
    expect(issuer).toHaveTextContent('Tax/registration no. P051234567X');
    expect(within(article).getByTestId('receipt-footer')).toHaveTextContent(
      'M-Pesa Paybill 123456. Support: support@kilimani.example',
    );
    expect(article).not.toHaveTextContent('ISP Desk');
  });

  it('still prints when the office profile cannot be loaded, and says what is missing', async () => {
    renderReceipt(
      '/receipts/42',
      (n) => receipt(n),
      () => fakeError('unavailable', 'Server busy'),
    );
    const article = await screen.findByRole('article', { name: 'Payment receipt R-000042' });
    expect(within(article).queryByTestId('receipt-issuer')).not.toBeInTheDocument();
    expect(screen.getByText(/name and address could not be loaded/)).toBeVisible();
  });

  it('prints with the browser’s print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderReceipt('/receipts/1', (n) => receipt(n));
    await screen.findByRole('article', { name: 'Payment receipt R-000001' });
    fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    expect(print).toHaveBeenCalledTimes(1);
    // The button and the way back are not printed.
    expect(
      screen.getByRole('button', { name: 'Print receipt' }).closest('.no-print'),
    ).not.toBeNull();
  });

  it('marks a voided payment and labels a refund receipt', async () => {
    renderReceipt('/receipts/3', (n) =>
      receipt(n, { kind: 'refund', voided: true, note: 'Overcharged', renewal: null }),
    );
    const article = await screen.findByRole('article', { name: 'Refund receipt R-000003' });
    expect(within(article).getByLabelText('This receipt is void')).toHaveTextContent('VOID');
    expect(article).toHaveTextContent('Amount refunded');
    expect(article).toHaveTextContent('ReasonOvercharged');
  });

  it('says so when there is no such receipt', async () => {
    renderReceipt('/receipts/9', () => null);
    expect(await screen.findByText('No such receipt.')).toBeVisible();
  });
});
