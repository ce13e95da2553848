import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import type { In } from '@contract/api';
import type { PaymentList, PaymentRow } from '@contract/schemas/payments';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, staffUser } from '../../test-utils/office-fixtures';

const T = Date.UTC(2025, 0, 15, 9, 0); // 12:00 in Nairobi

const row = (id: number, over: Partial<PaymentRow> = {}): PaymentRow => ({
  id,
  kind: 'payment',
  amount: 500_000,
  method: 'mobile_money',
  reference: 'QJK7H2L9XP',
  reason: null,
  relatesTo: null,
  receiptNumber: id,
  voided: false,
  createdAt: T,
  staffId: 7,
  staffName: 'Carla Cashier',
  client: { id: 3, accountNo: 'AC000003', fullName: 'Amina Otieno' },
  ...over,
});

const LIST: PaymentList = {
  items: [
    row(2, { kind: 'refund', amount: -150_000, reason: 'Overpaid', receiptNumber: 2 }),
    row(1),
  ],
  nextCursor: null,
  totals: {
    payments: { count: 1, amount: 500_000 },
    refunds: { count: 1, amount: 150_000 },
    voids: { count: 0, amount: 0 },
    net: 350_000,
  },
  timeZone: 'Africa/Nairobi',
  from: T,
  to: T + 86_400_000,
  currency: { code: 'KES', minorUnitDigits: 2 },
  staff: [{ id: 7, name: 'Carla Cashier' }],
};

function renderPayments(role: Role = 'cashier') {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'payments.list': (input: In<'payments.list'>) =>
      input.filter.reference === 'NOPE' ? { ...LIST, items: [] } : LIST,
  });
  return { transport, ...renderApp(transport, '/payments') };
}

describe('Payments screen', () => {
  it('lists payments and refunds in the office time zone with totals and links', async () => {
    renderPayments();
    const table = await screen.findByRole('table', { name: 'Payments' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Refund');
    expect(rows[0]).toHaveTextContent('-KES 1,500.00');
    expect(rows[0]).toHaveTextContent('Overpaid');
    expect(rows[1]).toHaveTextContent('2025-01-15 12:00');
    expect(rows[1]).toHaveTextContent('Mobile money');
    expect(
      within(rows[1] as HTMLElement).getByRole('link', { name: 'Amina Otieno' }),
    ).toHaveAttribute('href', '/clients/3');
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'R-000001' })).toBeVisible();
    expect(screen.getByTestId('total-payments')).toHaveTextContent('KES 5,000.00 · 1 payment');
    expect(screen.getByTestId('total-net')).toHaveTextContent('KES 3,500.00');
  });

  it('filters by reference, method and staff member, and exports what it shows', async () => {
    const { transport } = renderPayments();
    await screen.findByRole('table', { name: 'Payments' });
    fireEvent.change(screen.getByLabelText('Reference'), { target: { value: 'QJK7H2L9XP' } });
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'mobile_money' } });
    fireEvent.change(screen.getByLabelText('Staff'), { target: { value: '7' } });
    await waitFor(() =>
      expect(transport.inputsOf('payments.list').at(-1)?.filter).toMatchObject({
        reference: 'QJK7H2L9XP',
        methods: ['mobile_money'],
        staffId: 7,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(transport.downloads.at(-1)).toMatchObject({
        name: 'payments.export',
        input: {
          filter: { reference: 'QJK7H2L9XP', methods: ['mobile_money'], staffId: 7 },
        },
      }),
    );
  });

  it('says when nothing matches', async () => {
    renderPayments();
    await screen.findByRole('table', { name: 'Payments' });
    fireEvent.change(screen.getByLabelText('Reference'), { target: { value: 'NOPE' } });
    expect(
      await screen.findByText('No payments, refunds or voids match these filters.'),
    ).toBeVisible();
  });

  it('is in the navigation for a cashier', async () => {
    renderPayments('cashier');
    expect(await screen.findByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/payments',
    );
  });

  it('is refused to a technician', async () => {
    renderPayments('technician');
    expect(await screen.findByText('Your role does not give access to this page.')).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Payments' })).toBeNull();
  });
});
