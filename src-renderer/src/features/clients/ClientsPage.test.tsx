import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import type { ClientListQuery } from '@contract/schemas/clients';
import { createFakeTransport, type FakeHandlers } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, client, listItem, plan, staffUser } from '../../test-utils/office-fixtures';

const PAGE_ONE = [
  client(1, { fullName: 'Amina Otieno' }),
  client(2, { fullName: 'Baraka Mwangi' }),
];
const PAGE_TWO = [client(3, { fullName: 'Chebet Kiprop', status: 'expired' })];

function renderClients(role: Role = 'administrator', path = '/clients', extra: FakeHandlers = {}) {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'plans.list': () => [plan(1, { name: 'Home 10M' })],
    // The server pages with an opaque cursor; the screen only passes it back.
    'clients.list': (input) => {
      const search = input.filter?.search;
      if (search) {
        const found = [...PAGE_ONE, ...PAGE_TWO].filter((c) => c.fullName.includes(search));
        return {
          items: found.map(listItem),
          nextCursor: null,
          total: { count: found.length, capped: false },
        };
      }
      return input.cursor === 'after-2'
        ? { items: PAGE_TWO.map(listItem), nextCursor: null, total: { count: 3, capped: false } }
        : {
            items: PAGE_ONE.map(listItem),
            nextCursor: 'after-2',
            total: { count: 3, capped: false },
          };
    },
    ...extra,
  });
  return { transport, ...renderApp(transport, path) };
}

const lastList = (calls: ClientListQuery[]) => calls.at(-1);
const names = () =>
  within(screen.getByRole('table', { name: 'Clients' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('Client list', () => {
  it('pages with the server’s cursor, forwards and back', async () => {
    const { transport } = renderClients();
    await waitFor(() => expect(names()).toEqual(['Amina Otieno', 'Baraka Mwangi']));
    expect(screen.getByTestId('clients-count')).toHaveTextContent('3 clients');
    expect(lastList(transport.inputsOf('clients.list'))).toEqual({
      filter: {},
      sort: { by: 'name', dir: 'asc' },
      limit: 50,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(names()).toEqual(['Chebet Kiprop']));
    expect(lastList(transport.inputsOf('clients.list'))?.cursor).toBe('after-2');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(names()).toEqual(['Amina Otieno', 'Baraka Mwangi']));
  });

  it('searches on the server once typing pauses, and sorts by a clicked column', async () => {
    const { transport } = renderClients();
    await screen.findByRole('table', { name: 'Clients' });
    const before = transport.inputsOf('clients.list').length;
    const box = screen.getByLabelText('Search clients');
    fireEvent.change(box, { target: { value: 'Ba' } });
    fireEvent.change(box, { target: { value: 'Bara' } });
    await waitFor(() => expect(names()).toEqual(['Baraka Mwangi']));
    // One request for the pause, not one per keystroke.
    const searches = transport.inputsOf('clients.list').slice(before);
    expect(searches.map((i) => i.filter?.search)).toEqual(['Bara']);

    fireEvent.click(screen.getByRole('button', { name: 'Sort by Balance' }));
    await waitFor(() =>
      expect(lastList(transport.inputsOf('clients.list'))).toMatchObject({
        filter: { search: 'Bara' },
        sort: { by: 'balance', dir: 'asc' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Balance' }));
    await waitFor(() =>
      expect(lastList(transport.inputsOf('clients.list'))?.sort).toEqual({
        by: 'balance',
        dir: 'desc',
      }),
    );
  });

  it('filters by status, plan and expiry window from the URL and the controls', async () => {
    const { transport } = renderClients('viewer', '/clients?status=expired&within=7');
    await screen.findByRole('table', { name: 'Clients' });
    expect(lastList(transport.inputsOf('clients.list'))?.filter).toEqual({
      statuses: ['expired'],
      expiresWithinDays: 7,
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Active' }));
    fireEvent.change(screen.getByLabelText('Plan'), { target: { value: '1' } });
    await waitFor(() =>
      expect(lastList(transport.inputsOf('clients.list'))?.filter).toEqual({
        statuses: ['active', 'expired'],
        planId: 1,
        expiresWithinDays: 7,
      }),
    );
  });

  it('offers adding, importing, exporting and paying only to roles that may', async () => {
    renderClients('viewer');
    await screen.findByRole('table', { name: 'Clients' });
    expect(screen.queryByRole('button', { name: 'Add client' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export clients CSV' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Take payment from Amina Otieno' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run expiry now' })).toBeNull();
  });

  it('runs expiry processing now and says what it did', async () => {
    const { transport } = renderClients('technician', '/clients', {
      'expiry.run': () => ({
        expired: 3,
        isolated: 1,
        queued: 1,
        noRouter: 1,
        failures: [{ reason: 'Tower B is unreachable', clients: 1 }],
        correlationId: 'c-1',
      }),
    });
    await screen.findByRole('table', { name: 'Clients' });
    const listed = transport.inputsOf('clients.list').length;
    fireEvent.click(screen.getByRole('button', { name: 'Run expiry now' }));
    expect(
      await screen.findByText(
        '3 clients expired: 1 isolated on their router, 1 waiting in the router queue, 1 without a router. Tower B is unreachable (1 client).',
      ),
    ).toBeVisible();
    expect(transport.inputsOf('expiry.run')).toHaveLength(1);
    // The list is read again, so that expired clients show as such.
    await waitFor(() => expect(transport.inputsOf('clients.list').length).toBeGreaterThan(listed));
  });

  it('a cashier can take a payment straight from the list', async () => {
    renderClients('cashier');
    expect(
      await screen.findByRole('button', { name: 'Take payment from Amina Otieno' }),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add client' })).not.toBeInTheDocument();
  });
});
