import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { officeSettings, staffUser } from '../../test-utils/office-fixtures';
import { renderApp } from '../../test-utils/render';

const signedOut = { setupRequired: false, user: null };

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('sign-in flow', () => {
  it('marks the document ready and shows the server message when sign-in fails', async () => {
    const transport = createFakeTransport({
      'auth.status': () => signedOut,
      'auth.login': () => fakeError('invalid_credentials', 'Wrong username or password.'),
    });
    renderApp(transport);
    expect(document.documentElement.dataset.appState).toBe('loading');

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(document.documentElement.dataset.appState).toBe('ready');

    type('Username', 'ada');
    type('Password', 'not-the-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Wrong username or password.')).toBeInTheDocument();
    expect(transport.inputsOf('auth.login')).toEqual([
      { username: 'ada', password: 'not-the-password' },
    ]);
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('asks for a new password first when the account must change it', async () => {
    const transport = createFakeTransport({
      'auth.status': () => signedOut,
      'auth.login': () => adminUser({ mustChangePassword: true }),
    });
    renderApp(transport);
    await screen.findByRole('heading', { name: 'Sign in' });
    type('Username', 'admin');
    type('Password', 'temporary-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    expect(screen.getByLabelText('Current password')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).not.toBeInTheDocument();
  });

  it('creates the first administrator on first run and opens the app', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: true, user: null }),
      'auth.setup': (input) =>
        adminUser({ username: input.username, displayName: input.displayName }),
      'sessions.listMine': () => [],
      'activity.search': () => ({
        entries: [],
        nextCursor: null,
        total: { count: 0, capped: false },
      }),
      'staff.list': () => [],
    });
    renderApp(transport);
    await screen.findByRole('heading', { name: 'Create the administrator' });

    type('Username', 'ada');
    type('Display name', 'Ada Lovelace');
    type('Password', 'correct horse battery');
    type('Confirm password', 'correct horse batter');
    fireEvent.click(screen.getByRole('button', { name: 'Create administrator' }));
    expect(await screen.findByText('Passwords do not match')).toBeInTheDocument();
    expect(transport.inputsOf('auth.setup')).toEqual([]);

    type('Confirm password', 'correct horse battery');
    fireEvent.click(screen.getByRole('button', { name: 'Create administrator' }));

    expect(await screen.findByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Staff' })).toBeInTheDocument();
    expect(transport.inputsOf('auth.setup')).toEqual([
      { username: 'ada', displayName: 'Ada Lovelace', password: 'correct horse battery' },
    ]);
  });

  it('returns to the login screen with a notice when the session has ended', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: adminUser() }),
      'settings.get': () => officeSettings(),
      'sessions.listMine': () => fakeError('unauthenticated', 'Please sign in.'),
    });
    renderApp(transport, '/sessions');

    expect(
      await screen.findByText('Your session has ended. Please sign in again.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('hides administration from staff without the permissions (a cashier)', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({
        setupRequired: false,
        user: { ...staffUser('cashier'), displayName: 'Carla' },
      }),
      'settings.get': () => officeSettings(),
      'activity.search': () => ({
        entries: [],
        nextCursor: null,
        total: { count: 0, capped: false },
      }),
    });
    renderApp(transport, '/activity');
    expect(await screen.findByRole('heading', { name: 'Activity log' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My sessions' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Staff' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'All sessions' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Staff member')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).not.toBeInTheDocument();
    await waitFor(() => expect(transport.inputsOf('staff.list')).toEqual([]));
  });
});
