import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, client, listItem, plan, staffUser } from '../../test-utils/office-fixtures';

const render = (path = '/clients') => {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
    'settings.get': () => SETTINGS,
    'plans.list': () => [plan(1, { name: 'Home 10M' })],
    'clients.routers': () => [
      { id: 2, name: 'Athi River' },
      { id: 4, name: 'Kibera Tower' },
    ],
    'clients.list': () => ({
      items: [listItem(client(1, { fullName: 'Amina Otieno', status: 'awaiting_payment' }))],
      nextCursor: null,
      total: { count: 1, capped: false },
    }),
  });
  return { transport, ...renderApp(transport, path) };
};

describe('Clients filtered by router name', () => {
  it('lets a cashier pick a router by name (no routers.read needed) and filters by its id', async () => {
    const { transport } = render();
    const select = await screen.findByRole('combobox', { name: 'Router' });
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['All routers', 'Athi River', 'Kibera Tower']),
    );
    expect(screen.queryByLabelText('Router ID')).toBeNull();
    fireEvent.change(select, { target: { value: '4' } });
    await waitFor(() =>
      expect(transport.inputsOf('clients.list').at(-1)?.filter).toMatchObject({ routerId: 4 }),
    );
    expect(transport.inputsOf('routers.list')).toEqual([]);
  });

  it('shows a new client as awaiting their first payment in the list, and offers that status as a filter', async () => {
    render();
    const table = await screen.findByRole('table', { name: 'Clients' });
    expect(table).toHaveTextContent('Awaiting first payment');
    expect(
      within(screen.getByRole('group', { name: 'Status' })).getByText('Awaiting first payment'),
    ).toBeVisible();
  });

  it('keeps a bookmarked router that was removed, so it can be cleared', async () => {
    render('/clients?router=9');
    const select = await screen.findByRole('combobox', { name: 'Router' });
    await waitFor(() => expect(select).toHaveValue('9'));
    expect(within(select).getByRole('option', { name: 'A removed router' })).toBeInTheDocument();
  });
});
