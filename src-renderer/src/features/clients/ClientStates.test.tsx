import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import type { Client } from '@contract/schemas/clients';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, client, plan, staffUser } from '../../test-utils/office-fixtures';

const DAY = 86_400_000;

function renderClient(c: Client, role: Role = 'cashier') {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'clients.get': () => c,
    'plans.list': () => [plan(1, { name: 'Home 10M' })],
    'billing.ledger': () => ({ entries: [], nextCursor: null, balance: c.balance }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
  });
  return { transport, ...renderApp(transport, '/clients/1') };
}

describe('Client states on the client page', () => {
  it('shows a new client as awaiting their first payment, with what to do', async () => {
    renderClient(client(1, { status: 'awaiting_payment', expiresAt: Date.now() - DAY }));
    expect(await screen.findByTestId('client-status')).toHaveTextContent('Awaiting first payment');
    expect(screen.getByTestId('client-expires')).toHaveTextContent('Not paid yet');
    expect(screen.getByTestId('client-expires-hint')).toHaveTextContent(
      'Take the first payment to activate',
    );
  });

  it('says until when a client past expiry is in grace, in the office time zone', async () => {
    const graceEndsAt = Date.UTC(2099, 0, 3, 9, 30);
    renderClient(client(1, { status: 'active', expiresAt: Date.now() - DAY, graceEndsAt }));
    expect(await screen.findByTestId('client-expires-hint')).toHaveTextContent(
      'In grace until 2099-01-03 12:30 · Africa/Nairobi',
    );
    expect(screen.getByTestId('client-status')).toHaveTextContent('Active');
  });

  it('shows a cashier the router by name, without asking for routers', async () => {
    const { transport } = renderClient(client(1, { routerId: 4, routerName: 'Kibera Tower' }));
    expect(await screen.findByText('Kibera Tower')).toBeVisible();
    expect(screen.queryByText('Router 4')).toBeNull();
    expect(transport.inputsOf('routers.list')).toEqual([]);
  });
});
