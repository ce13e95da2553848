import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, plan, staffUser } from '../../test-utils/office-fixtures';

const render = (role: Role) => {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'plans.list': () => [plan(1)],
    'clients.routers': () => [],
    'clients.list': () => ({ items: [], nextCursor: null, total: { count: 0, capped: false } }),
  });
  return { transport, ...renderApp(transport, '/clients?status=active') };
};

describe('Client export with service passwords', () => {
  it('warns, then exports the passwords too, for staff allowed to reveal them', async () => {
    const { transport } = render('technician');
    fireEvent.click(await screen.findByRole('button', { name: 'Export with passwords…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export with service passwords' });
    expect(dialog).toHaveTextContent('The file holds every password in clear');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export with passwords' }));
    await waitFor(() =>
      expect(transport.downloads).toEqual([
        {
          name: 'clients.export',
          input: {
            filter: { statuses: ['active'] },
            taskId: expect.any(String) as string,
            withPasswords: true,
          },
        },
      ]),
    );
  });

  it('is not offered to a viewer, who may export but not reveal passwords', async () => {
    render('viewer');
    expect(await screen.findByRole('button', { name: 'Export clients CSV' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Export with passwords…' })).toBeNull();
  });
});
