import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import type { Plan } from '@contract/schemas/plans';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, plan, staffUser } from '../../test-utils/office-fixtures';

function renderPlans(role: Role = 'technician') {
  let plans: Plan[] = [plan(1, { name: 'Home 10M', clientCount: 4 })];
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'plans.list': () => plans,
    'plans.create': (input) => {
      const created = plan(2, {
        name: input.name,
        price: input.price,
        rateDownKbps: input.rateDownKbps,
        rateUpKbps: input.rateUpKbps,
      });
      plans = [...plans, created];
      return created;
    },
    'plans.delete': () =>
      fakeError(
        'conflict',
        'Plan "Home 10M" is in use by clients or in the ledger and cannot be deleted; retire it instead.',
      ),
  });
  return { transport, ...renderApp(transport, '/plans') };
}

describe('Plans', () => {
  it('creates a plan with exact rates and price', async () => {
    const { transport } = renderPlans();
    fireEvent.click(await screen.findByRole('button', { name: 'Add plan' }));
    const form = await screen.findByRole('form', { name: 'Add plan' });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label, { exact: true }), {
        target: { value },
      });
    type('Plan name', 'Fibre 50');
    type('Download rate', '50M');
    type('Upload rate', '12.5M');
    type('Price', '4,999.99');
    type('Validity', '30');
    type('Router profile', 'fibre-50');
    type('Grace days', '3');
    fireEvent.click(within(form).getByRole('button', { name: 'Create plan' }));

    expect(await screen.findByRole('cell', { name: 'Fibre 50' })).toBeVisible();
    expect(transport.inputsOf('plans.create')).toEqual([
      {
        name: 'Fibre 50',
        serviceType: 'pppoe',
        rateDownKbps: 50_000,
        rateUpKbps: 12_500,
        burst: null,
        price: 499_999,
        validity: { unit: 'days', count: 30 },
        routerProfile: 'fibre-50',
        expiryAction: 'isolate',
        isolationProfile: 'expired',
        isolationAddressList: null,
        graceDays: 3,
      },
    ]);
  });

  it('shows the server’s refusal to delete a plan in use', async () => {
    renderPlans();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete plan Home 10M' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete plan Home 10M' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete plan' }));
    expect(
      await within(dialog).findByText(
        'Plan "Home 10M" is in use by clients or in the ledger and cannot be deleted; retire it instead.',
      ),
    ).toBeVisible();
  });

  it('lets a cashier see plans but not change them', async () => {
    renderPlans('cashier');
    expect(await screen.findByRole('table', { name: 'Plans' })).toHaveTextContent('KES 2,500.00');
    expect(screen.queryByRole('button', { name: 'Add plan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit plan Home 10M' })).not.toBeInTheDocument();
  });
});
