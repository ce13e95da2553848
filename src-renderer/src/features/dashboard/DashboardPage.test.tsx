import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { activityEntry } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, staffUser } from '../../test-utils/office-fixtures';

function renderHome(role: Role, todayIncome: number | null) {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: staffUser(role) }),
    'settings.get': () => SETTINGS,
    'reports.dashboard': () => ({
      counts: {
        active: 1234,
        expired: 56,
        expiringSoon: 7,
        awaitingPayment: 4,
        suspended: 2,
        disabled: 1,
        archived: 9,
      },
      expiringWithinDays: 7,
      todayIncome,
      currency: { code: 'KES', minorUnitDigits: 2 },
      recentActivity: [activityEntry(5, { description: 'carla took a cash payment' })],
    }),
  });
  return renderApp(transport, '/');
}

describe('Dashboard', () => {
  it('is where office staff land, with counts, today’s income and recent activity', async () => {
    renderHome('cashier', 1_250_050);
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    expect(await screen.findByTestId('stat-Active')).toHaveTextContent('1,234');
    expect(screen.getByTestId('stat-Expired')).toHaveTextContent('56');
    expect(screen.getByTestId('stat-Expiring within 7 days')).toHaveTextContent('7');
    expect(screen.getByTestId("stat-Today's income")).toHaveTextContent('KES 12,500.50');
    expect(screen.getByRole('table', { name: 'Recent activity' })).toHaveTextContent(
      'carla took a cash payment',
    );
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Clients' })).toBeVisible();
    expect(within(nav).queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
  });

  it('leaves out income for a role without financial reports', async () => {
    renderHome('technician', null);
    expect(await screen.findByTestId('stat-Active')).toBeVisible();
    expect(screen.queryByTestId("stat-Today's income")).not.toBeInTheDocument();
  });
});
