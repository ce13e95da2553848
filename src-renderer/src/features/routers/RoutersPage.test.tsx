import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Router } from '@contract/schemas/routers';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { routerFixture } from './router-fixtures';
import { officeSettings } from '../../test-utils/office-fixtures';

function renderRouters() {
  let routers: Router[] = [
    routerFixture(1, { name: 'Tower A' }),
    routerFixture(2, { name: 'Tower B', status: 'offline', lastError: 'No answer' }),
    routerFixture(3, { name: 'Tower C', status: 'degraded', cpuLoad: 97 }),
  ];
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({
      setupRequired: false,
      user: adminUser(),
    }),
    'routers.list': () => routers,
    'routers.testConnection': (input) =>
      'password' in input && input.password === 'wrong'
        ? {
            ok: false,
            kind: 'auth_failed',
            message: 'The router refused the user name or password.',
            latencyMs: 2,
          }
        : {
            ok: true,
            identity: 'Tower-D',
            version: '7.16',
            board: 'hEX',
            uptimeSec: 10,
            latencyMs: 2,
          },
    'routers.create': (input) => {
      const created = routerFixture(4, {
        name: input.name,
        host: input.host,
        status: 'unknown',
        lastSeenAt: null,
      });
      routers = [...routers, created];
      return created;
    },
    'routers.delete': ({ id }) => {
      routers = routers.filter((r) => r.id !== id);
      return null;
    },
  });
  return { transport, ...renderApp(transport, '/routers') };
}

const rowOf = (name: string) =>
  screen.getAllByRole('row').find((row) => within(row).queryByText(name)) as HTMLElement;

describe('Routers screen', () => {
  it('shows each router with its status and health', async () => {
    renderRouters();
    const table = await screen.findByRole('table', { name: 'Routers' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(rowOf('Tower A')).toHaveTextContent('Online');
    expect(rowOf('Tower A')).toHaveTextContent('1d 1h');
    expect(rowOf('Tower B')).toHaveTextContent('Offline');
    expect(rowOf('Tower C')).toHaveTextContent('Degraded');
    expect(rowOf('Tower C')).toHaveTextContent('97%');
  });

  it('tests the connection, shows the failure in plain words, then adds the router', async () => {
    const { transport } = renderRouters();
    fireEvent.click(await screen.findByRole('button', { name: 'Add router' }));
    const form = await screen.findByRole('form', { name: 'Add router' });
    const type = (label: string, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });

    fireEvent.click(within(form).getByRole('button', { name: 'Save router' }));
    expect(await within(form).findByText('Name is required')).toBeInTheDocument();
    expect(transport.inputsOf('routers.create')).toEqual([]);

    type('Name', 'Tower D');
    type('Address', '10.0.0.4');
    type('API password', 'wrong');
    type('Poll interval (seconds)', '5');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(
      await within(form).findByText('The router refused the user name or password.'),
    ).toBeInTheDocument();

    type('API password', 'right');
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText('Connection works')).toBeInTheDocument();
    expect(form).toHaveTextContent('Tower-D');
    expect(form).toHaveTextContent('hEX');

    fireEvent.click(within(form).getByRole('button', { name: 'Save router' }));
    await waitFor(() => expect(rowOf('Tower D')).toHaveTextContent('Unknown'));
    expect(transport.inputsOf('routers.create')).toEqual([
      {
        name: 'Tower D',
        host: '10.0.0.4',
        port: null,
        tls: 'off',
        apiUser: 'admin',
        password: 'right',
        pollIntervalSec: 5,
      },
    ]);
  });

  it('removes a router only after confirmation', async () => {
    const { transport } = renderRouters();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Tower B' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove router Tower B' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(transport.inputsOf('routers.delete')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Tower B' }));
    const again = await screen.findByRole('dialog', { name: 'Remove router Tower B' });
    fireEvent.click(within(again).getByRole('button', { name: 'Remove router' }));
    await waitFor(() => expect(screen.queryByText('Tower B')).not.toBeInTheDocument());
    expect(transport.inputsOf('routers.delete')).toEqual([{ id: 2 }]);
  });

  it('says so when there are no routers', async () => {
    const transport = createFakeTransport({
      'settings.get': () => officeSettings(),
      'auth.status': () => ({
        setupRequired: false,
        user: adminUser(),
      }),
      'routers.list': () => [],
    });
    renderApp(transport, '/routers');
    expect(await screen.findByText(/No routers yet/)).toBeInTheDocument();
  });
});
