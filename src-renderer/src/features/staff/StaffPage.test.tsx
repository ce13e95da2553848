import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Staff } from '@contract/schemas/staff';
import { createFakeTransport, fakeError, fakeFieldError } from '../../test-utils/fake-transport';
import { adminUser, staffMember } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { officeSettings } from '../../test-utils/office-fixtures';

function renderStaff() {
  let staff: Staff[] = [
    staffMember(1, { username: 'admin', displayName: 'Ada Admin', role: 'administrator' }),
    staffMember(2, { username: 'carla', lockedUntil: Date.now() + 3_600_000 }),
    staffMember(3, { username: 'tom', disabled: true }),
  ];
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({ setupRequired: false, user: adminUser() }),
    'staff.list': () => staff,
    'staff.create': (input) => {
      if (staff.some((s) => s.username === input.username)) {
        const message = `The username "${input.username}" is already taken.`;
        return fakeFieldError('conflict', { path: ['username'], message }, message);
      }
      const created = staffMember(staff.length + 1, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
      });
      staff = [...staff, created];
      return created;
    },
    'staff.unlock': ({ id }) => {
      staff = staff.map((s) => (s.id === id ? { ...s, lockedUntil: null } : s));
      return staff.find((s) => s.id === id) ?? fakeError('not_found', 'No such staff member.');
    },
  });
  return { transport, ...renderApp(transport, '/staff') };
}

const rowOf = (username: string) =>
  screen.getAllByRole('row').find((row) => within(row).queryByText(username)) as HTMLElement;

describe('Staff management', () => {
  it('shows each account with its status', async () => {
    renderStaff();
    await screen.findByText('carla');
    expect(rowOf('admin')).toHaveTextContent('Active');
    expect(rowOf('carla')).toHaveTextContent('Locked');
    expect(rowOf('tom')).toHaveTextContent('Disabled');
    expect(screen.queryByRole('button', { name: 'Unlock admin' })).not.toBeInTheDocument();
  });

  it('unlocks a locked account', async () => {
    const { transport } = renderStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Unlock carla' }));
    await waitFor(() => expect(rowOf('carla')).toHaveTextContent('Active'));
    expect(transport.inputsOf('staff.unlock')).toEqual([{ id: 2 }]);
  });

  it('creates a staff member, showing the server error first', async () => {
    const { transport } = renderStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Add staff member' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add staff member' });

    const type = (label: string, value: string) =>
      fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
    type('Username', 'carla');
    type('Display name', 'Carla Again');
    type('Initial password', 'short');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create staff member' }));
    expect(
      await within(dialog).findByText('Password must be at least 10 characters'),
    ).toBeInTheDocument();
    expect(transport.inputsOf('staff.create')).toEqual([]);

    type('Initial password', 'a-long-enough-password');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create staff member' }));
    // The server's conflict is marked on the username field, as the core sends it.
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Username')).toHaveAccessibleDescription(
        expect.stringContaining('The username "carla" is already taken.'),
      ),
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();

    type('Username', 'dora');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create staff member' }));
    expect(await screen.findByText('dora')).toBeInTheDocument();
    expect(transport.inputsOf('staff.create').at(-1)).toEqual({
      username: 'dora',
      displayName: 'Carla Again',
      role: 'cashier',
      password: 'a-long-enough-password',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
