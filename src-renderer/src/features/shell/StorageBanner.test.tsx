import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StorageStatus } from '@contract/schemas/system';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { GLANCE, SETTINGS, staffUser } from '../../test-utils/office-fixtures';

const LOW: StorageStatus = {
  low: true,
  freeBytes: 300 * 1024 ** 2,
  totalBytes: 64 * 1024 ** 3,
  thresholdBytes: 1024 ** 3,
  checkedAt: Date.UTC(2030, 0, 15, 9),
};
const DASHBOARD = {
  counts: {
    active: 0,
    expired: 0,
    expiringSoon: 0,
    awaitingPayment: 0,
    suspended: 0,
    disabled: 0,
    archived: 0,
  },
  expiringWithinDays: 7,
  todayIncome: 0,
  currency: { code: 'KES', minorUnitDigits: 2 },
  recentActivity: [],
  glance: GLANCE,
};

describe('the low disk space banner', () => {
  it('shows on a signed-in screen while the disk is low, and goes when the server says it has space', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
      'settings.get': () => SETTINGS,
      'reports.dashboard': () => DASHBOARD,
      'system.storage': () => LOW,
    });
    renderApp(transport, '/');
    const banner = await screen.findByTestId('storage-banner');
    expect(banner).toHaveTextContent('The disk is almost full');
    expect(banner).toHaveTextContent(
      'Only 300.0 MB of 64.00 GB is free on the disk holding the data folder.',
    );
    expect(banner).toHaveTextContent('when the disk is full, nothing can be saved');

    act(() => transport.emit('system.storage', { ...LOW, low: false, freeBytes: 5 * 1024 ** 3 }));
    await waitFor(() => expect(screen.queryByTestId('storage-banner')).toBeNull());
    act(() => transport.emit('system.storage', LOW));
    expect(await screen.findByTestId('storage-banner')).toBeVisible();
  });

  it('is not shown while there is space', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
      'settings.get': () => SETTINGS,
      'reports.dashboard': () => DASHBOARD,
      'system.storage': () => ({ ...LOW, low: false, freeBytes: 20 * 1024 ** 3 }),
    });
    renderApp(transport, '/');
    await screen.findByRole('heading', { name: 'Dashboard', level: 1 });
    await waitFor(() => expect(transport.inputsOf('system.storage')).toHaveLength(1));
    expect(screen.queryByTestId('storage-banner')).toBeNull();
  });

  it('says the disk is full, not "something went wrong", when sign-in cannot be saved', async () => {
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: false, user: null }),
      'system.demo': () => ({ active: null, available: false }),
      'auth.login': () =>
        fakeError(
          'storage_full',
          'The disk holding the data folder is full. Free space; nothing was saved.',
        ),
    });
    renderApp(transport, '/');
    fireEvent.change(await screen.findByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'whatever it is' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText(
        'The disk holding the data folder is full. Free space; nothing was saved.',
      ),
    ).toBeVisible();
    expect(screen.queryByText(/something went wrong/i)).toBeNull();
  });
});
