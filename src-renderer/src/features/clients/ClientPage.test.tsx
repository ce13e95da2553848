import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import type { MoneyResult } from '@contract/schemas/billing';
import { createFakeTransport, fakeFieldError } from '../../test-utils/fake-transport';
import type { FakeHandlers } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { routerFixture } from '../routers/router-fixtures';
import {
  SETTINGS,
  client,
  ledgerEntry,
  plan,
  receipt,
  staffUser,
} from '../../test-utils/office-fixtures';

const AMINA = client(1, { fullName: 'Amina Otieno', balance: -20_000 });
const PAYMENT = ledgerEntry(1, { amount: 300_000, receiptNumber: 1 });

function renderClient(role: Role, extra: FakeHandlers = {}) {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'clients.get': () => AMINA,
    'plans.list': () => [plan(1, { name: 'Home 10M' })],
    'billing.ledger': () => ({ entries: [PAYMENT], nextCursor: null, balance: AMINA.balance }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
    ...extra,
  });
  return { transport, ...renderApp(transport, '/clients/1') };
}

const ACTIONS = [
  'Take payment',
  'Renew',
  'Adjust balance',
  'Correct expiry',
  'Edit client',
  'Archive client',
  'Reveal service password',
  'Refund payment R-000001',
  'Void payment R-000001',
] as const;

const EXPECTED: Record<Role, readonly (typeof ACTIONS)[number][]> = {
  administrator: ACTIONS,
  cashier: ['Take payment', 'Renew', 'Adjust balance'],
  technician: ['Edit client', 'Archive client', 'Reveal service password'],
  viewer: [],
};

const moneyResult = (over: Partial<MoneyResult> = {}): MoneyResult => ({
  entry: ledgerEntry(2),
  receipt: receipt(2),
  client: AMINA,
  renewal: null,
  ...over,
});

describe('Client page', () => {
  it.each(Object.keys(EXPECTED) as Role[])(
    'shows a %s only the actions the role allows',
    async (role) => {
      renderClient(role);
      await screen.findByRole('heading', { name: 'Amina Otieno', level: 1 });
      await screen.findByRole('table', { name: 'Ledger' });
      for (const action of ACTIONS) {
        const present = EXPECTED[role].includes(action);
        expect(screen.queryByRole('button', { name: action }) !== null, `${role}: ${action}`).toBe(
          present,
        );
      }
    },
  );

  it('shows the balance, expiry and ledger in the office currency and time zone', async () => {
    renderClient('viewer');
    expect(await screen.findByTestId('client-balance')).toHaveTextContent('-KES 200.00');
    expect(screen.getByTestId('client-expires')).toHaveTextContent('2099-01-01 03:00');
    const ledger = await screen.findByRole('table', { name: 'Ledger' });
    expect(ledger).toHaveTextContent('+KES 3,000.00');
    expect(within(ledger).getByRole('link', { name: 'Receipt R-000001' })).toHaveAttribute(
      'href',
      '/receipts/1',
    );
  });

  it('takes a payment in exact minor units, then shows its receipt', async () => {
    const { transport } = renderClient('cashier', {
      'billing.pay': () => moneyResult(),
      'receipts.get': ({ number }) => receipt(number),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment' }));
    const form = await screen.findByRole('form', { name: 'Take payment' });
    // What the client owes is suggested.
    expect(within(form).getByLabelText('Amount received')).toHaveValue('200.00');

    fireEvent.change(within(form).getByLabelText('Amount received'), {
      target: { value: '12.345' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
    expect(
      await within(form).findByText('At most 2 digits after the decimal point'),
    ).toBeInTheDocument();
    expect(transport.inputsOf('billing.pay')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Amount received'), {
      target: { value: '1,234.56' },
    });
    fireEvent.click(within(form).getByRole('radio', { name: 'Mobile money' }));
    fireEvent.change(within(form).getByLabelText('Reference'), { target: { value: 'QX7731' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record payment' }));

    expect(await screen.findByRole('article', { name: 'Payment receipt R-000002' })).toBeVisible();
    expect(transport.inputsOf('billing.pay')).toEqual([
      { clientId: 1, amount: 123_456, method: 'mobile_money', reference: 'QX7731', renew: false },
    ]);
  });

  it('lets an administrator correct the expiry date, with a reason, checked before sending', async () => {
    const { transport } = renderClient('administrator', {
      'billing.correctExpiry': () => ({ ...AMINA, expiresAt: Date.UTC(2025, 0, 31, 21) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Correct expiry' }));
    const form = await screen.findByRole('form', { name: 'Correct expiry date' });
    // Starts from the current expiry day in the office time zone.
    expect(within(form).getByLabelText('Service ends after')).toHaveValue('2099-01-01');
    fireEvent.change(within(form).getByLabelText('Service ends after'), {
      target: { value: '' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save expiry date' }));
    expect(await within(form).findByText('Date must look like 2025-01-31')).toBeVisible();
    expect(within(form).getByText('A reason is required (at least 3 characters)')).toBeVisible();
    expect(transport.inputsOf('billing.correctExpiry')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Service ends after'), {
      target: { value: '2025-01-31' },
    });
    fireEvent.change(within(form).getByLabelText('Reason'), {
      target: { value: ' Renewed the wrong account ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save expiry date' }));
    await waitFor(() =>
      expect(transport.inputsOf('billing.correctExpiry')).toEqual([
        { clientId: 1, expiresOn: '2025-01-31', reason: 'Renewed the wrong account' },
      ]),
    );
    expect(await screen.findByText(/Service now ends 2025-02-01 00:00/)).toBeVisible();
  });

  it('names the client’s router and links to its page', async () => {
    renderClient('technician', {
      'clients.get': () => ({ ...AMINA, routerId: 4, routerName: 'Tower D' }),
    });
    const details = await screen.findByRole('region', { name: 'Client details' });
    const link = await within(details).findByRole('link', { name: 'Tower D' });
    expect(link).toHaveAttribute('href', expect.stringMatching(/\/routers\/4$/));
  });

  it('moves a client to another router picked by name', async () => {
    const { transport } = renderClient('technician', {
      'routers.list': () => [routerFixture(4, { name: 'Tower D' })],
      'clients.update': (input) => ({ ...AMINA, routerId: input.routerId ?? null }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit client' }));
    const form = await screen.findByRole('form', { name: /^Edit client / });
    const router = await within(form).findByRole('combobox', { name: 'Router' });
    expect(
      within(router)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No router', 'Tower D']);
    fireEvent.change(router, { target: { value: '4' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save client' }));
    await waitFor(() =>
      expect(transport.inputsOf('clients.update')).toEqual([{ id: 1, routerId: 4 }]),
    );
  });

  it('caps a refund at what is left and shows the server’s refusal', async () => {
    const { transport } = renderClient('administrator', {
      'billing.refund': () =>
        fakeFieldError('validation', {
          path: ['amount'],
          message: 'At most KES 1,000.00 of this payment can still be refunded.',
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund payment R-000001' }));
    const form = await screen.findByRole('form', { name: 'Refund payment' });
    const amount = within(form).getByLabelText('Refund amount');
    expect(amount).toHaveValue('3000.00');

    fireEvent.change(amount, { target: { value: '3000.01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record refund' }));
    expect(await within(form).findByText('At most KES 3,000.00 can be refunded')).toBeVisible();
    expect(within(form).getByText('A reason is required (at least 3 characters)')).toBeVisible();
    expect(transport.inputsOf('billing.refund')).toEqual([]);

    fireEvent.change(amount, { target: { value: '1500' } });
    fireEvent.change(within(form).getByLabelText('Reason'), {
      target: { value: 'Router fee not due' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record refund' }));
    // The server's refusal is marked on the amount, not repeated above the form.
    await waitFor(() =>
      expect(amount).toHaveAccessibleDescription(
        'At most KES 1,000.00 of this payment can still be refunded.',
      ),
    );
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(transport.inputsOf('billing.refund')).toEqual([
      { paymentId: 1, amount: 150_000, reason: 'Router fee not due', method: 'cash' },
    ]);
  });

  it('marks the field a server validation error names in the adjust and void dialogs', async () => {
    const REASON = 'Reason may not contain control characters or text-direction marks';
    const { transport } = renderClient('administrator', {
      'billing.adjust': () => fakeFieldError('validation', { path: ['reason'], message: REASON }),
      'billing.void': () => fakeFieldError('validation', { path: ['reason'], message: REASON }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Adjust balance' }));
    const adjust = await screen.findByRole('form', { name: 'Adjust balance' });
    fireEvent.change(within(adjust).getByLabelText('Adjustment amount'), {
      target: { value: '5' },
    });
    fireEvent.change(within(adjust).getByLabelText('Reason'), { target: { value: 'Cable fee' } });
    fireEvent.click(within(adjust).getByRole('button', { name: 'Record adjustment' }));
    await waitFor(() =>
      expect(within(adjust).getByLabelText('Reason')).toHaveAccessibleDescription(
        expect.stringContaining(REASON),
      ),
    );
    expect(within(adjust).getByLabelText('Adjustment amount')).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(transport.inputsOf('billing.adjust')).toEqual([
      { clientId: 1, amount: 500, reason: 'Cable fee' },
    ]);
    fireEvent.click(within(adjust).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Void payment R-000001' }));
    const voidForm = await screen.findByRole('form', { name: 'Void payment' });
    const reason = within(voidForm).getByLabelText('Reason');
    // Checked with the contract's own schema first: too short is refused before sending.
    fireEvent.change(reason, { target: { value: '  ab ' } });
    fireEvent.click(within(voidForm).getByRole('button', { name: 'Void payment' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(
        expect.stringContaining('A reason is required (at least 3 characters)'),
      ),
    );
    expect(transport.inputsOf('billing.void')).toEqual([]);
    fireEvent.change(reason, { target: { value: '  Entered twice ' } });
    fireEvent.click(within(voidForm).getByRole('button', { name: 'Void payment' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(expect.stringContaining(REASON)),
    );
    expect(within(voidForm).queryByRole('alert')).toBeNull();
    expect(transport.inputsOf('billing.void')).toEqual([{ entryId: 1, reason: 'Entered twice' }]);
  });

  it('stops a cashier’s adjustment above the limit before sending it', async () => {
    const { transport } = renderClient('cashier', {
      'billing.adjust': () => moneyResult({ receipt: null }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Adjust balance' }));
    const form = await screen.findByRole('form', { name: 'Adjust balance' });
    fireEvent.click(within(form).getByRole('radio', { name: /Debit/ }));
    fireEvent.change(within(form).getByLabelText('Adjustment amount'), {
      target: { value: '1000.01' },
    });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Cable' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record adjustment' }));
    expect(
      await within(form).findByText(
        'Above KES 1,000.00 only an administrator can adjust a balance',
      ),
    ).toBeVisible();
    expect(transport.inputsOf('billing.adjust')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Adjustment amount'), {
      target: { value: '1000' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record adjustment' }));
    await waitFor(() =>
      expect(transport.inputsOf('billing.adjust')).toEqual([
        { clientId: 1, amount: -100_000, reason: 'Cable' },
      ]),
    );
  });

  it('reveals the service password in a dialog', async () => {
    const { transport } = renderClient('technician', {
      'clients.revealPassword': () => ({ servicePassword: 'S3cret-pppoe' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal service password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Service password' });
    expect(within(dialog).getByTestId('revealed-password')).toHaveTextContent('S3cret-pppoe');
    expect(transport.inputsOf('clients.revealPassword')).toEqual([{ id: 1 }]);
  });
});
