import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DemoStatus } from '@contract/schemas/system';
import { reloadPage } from '../../lib/reload-page';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';

vi.mock('../../lib/reload-page', () => ({ reloadPage: vi.fn() }));

const DEMO: NonNullable<DemoStatus['active']> = {
  accounts: [
    { username: 'admin', displayName: 'Amina Hassan', role: 'administrator' },
    { username: 'grace', displayName: 'Grace Wanjiru', role: 'cashier' },
  ],
  password: 'demo-office-2026',
};

describe('the demo office in the renderer', () => {
  it('offers the demo office on first run, opens it and reloads into its sign-in', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: true, user: null }),
      'system.demo': () => ({ active: null, available: true }),
      'system.openDemo': () => ({ opened: true }),
    });
    renderApp(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore a demo office' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(transport.inputsOf('system.openDemo')).toEqual([undefined]);
    expect(transport.inputsOf('auth.setup')).toEqual([]);
  });

  it('says why when the demo office cannot be opened, and keeps the setup form', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: true, user: null }),
      'system.demo': () => ({ active: null, available: true }),
      'system.openDemo': () => fakeError('forbidden', 'This office already has accounts.'),
    });
    renderApp(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore a demo office' }));
    expect(await screen.findByText('This office already has accounts.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create administrator' })).toBeEnabled();
  });

  it('does not offer it where the server cannot open it', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: true, user: null }),
      'system.demo': () => ({ active: null, available: false }),
    });
    renderApp(transport);
    await screen.findByRole('heading', { name: 'Create the administrator' });
    await waitFor(() => expect(transport.inputsOf('system.demo')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Explore a demo office' })).toBeNull();
  });

  it('shows the demo accounts on the sign-in page and a banner in the app', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: null }),
      'system.demo': () => ({ active: DEMO, available: false }),
      'auth.login': () => adminUser({ displayName: 'Amina Hassan' }),
      'activity.search': () => ({
        entries: [],
        nextCursor: null,
        total: { count: 0, capped: false },
      }),
    });
    renderApp(transport);
    expect(await screen.findByText('Demo office — not real data')).toBeInTheDocument();
    expect(screen.getByTestId('demo-password')).toHaveTextContent('demo-office-2026');
    expect(screen.getByText('grace')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'demo-office-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByTestId('demo-banner')).toHaveTextContent(
      'Demo office — not real data',
    );
  });
});
