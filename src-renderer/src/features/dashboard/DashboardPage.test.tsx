import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@contract/roles';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { activityEntry } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import type { OfficeGlance } from '@contract/schemas/reports';
import { GLANCE, SETTINGS, staffUser } from '../../test-utils/office-fixtures';

function renderHome(role: Role, todayIncome: number | null, glance: OfficeGlance = GLANCE) {
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
      glance,
    }),
  });
  return renderApp(transport, '/');
}

const ROUTERS = GLANCE.routers ?? {
  total: 0,
  online: 0,
  offline: 0,
  degraded: 0,
  unknown: 0,
  disabled: 0,
  lastProblem: null,
};

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

  it('an empty office says what to do next, each step a link, ticked off once done', async () => {
    renderHome('administrator', 0, {
      ...GLANCE,
      routers: { ...ROUTERS, total: 0, online: 0 },
      firstSteps: { profile: true, router: false, plan: true, client: false },
    });
    const steps = await screen.findByRole('list', { name: 'First steps' });
    expect(within(steps).getByLabelText('Fill in the office profile: done')).toBeVisible();
    expect(within(steps).getByLabelText('Add a plan: done')).toBeVisible();
    expect(within(steps).getByLabelText('Add a router: to do')).toBeVisible();
    expect(within(steps).getByRole('link', { name: 'Add a router' })).toHaveAttribute(
      'href',
      '/routers',
    );
    expect(within(steps).getByRole('link', { name: 'Add a client' })).toHaveAttribute(
      'href',
      '/clients',
    );
    expect(within(steps).queryByRole('link', { name: 'Add a plan' })).not.toBeInTheDocument();
    // No routers yet: the router panels wait for the first one.
    expect(screen.queryByRole('region', { name: 'Routers' })).not.toBeInTheDocument();
  });

  it('a step the user may not do is not a link; with every step done the list goes', async () => {
    renderHome('cashier', 0, {
      ...GLANCE,
      firstSteps: { profile: false, router: true, plan: true, client: true },
    });
    const steps = await screen.findByRole('list', { name: 'First steps' });
    expect(steps).toHaveTextContent('Fill in the office profile (ask an administrator)');
    expect(within(steps).queryByRole('link')).not.toBeInTheDocument();
  });

  it('shows the office at a glance: routers with the last problem, the queue, failing jobs, 30 days of income', async () => {
    const income = (GLANCE.income ?? []).map((d, i) => ({
      ...d,
      net: i === 29 ? 500_000 : 100_000,
    }));
    renderHome('administrator', 0, {
      ...GLANCE,
      routers: {
        ...ROUTERS,
        total: 3,
        online: 2,
        offline: 1,
        lastProblem: {
          routerId: 4,
          name: 'Tower North',
          status: 'offline',
          since: Date.UTC(2025, 0, 15, 9, 30),
          message: 'connection refused',
        },
      },
      queue: { waiting: 12, failing: 3 },
      failingJobs: [
        {
          name: 'db.backup',
          label: 'Database backup',
          consecutiveFailures: 2,
          lastRunAt: Date.UTC(2025, 0, 15, 0, 0),
          error: 'the disk is full',
        },
      ],
      income,
    });
    const routers = await screen.findByRole('region', { name: 'Routers' });
    expect(screen.queryByRole('list', { name: 'First steps' })).not.toBeInTheDocument();
    expect(routers).toHaveTextContent('Online 2');
    expect(routers).toHaveTextContent('Offline 1');
    expect(screen.getByTestId('last-router-problem')).toHaveTextContent(
      'Tower North offline since 2025-01-15 12:30: connection refused',
    );
    expect(within(routers).getByRole('link', { name: 'Tower North' })).toHaveAttribute(
      'href',
      '/routers/4',
    );
    const queue = screen.getByRole('region', { name: 'Provisioning queue' });
    expect(queue).toHaveTextContent('Changes waiting 12');
    expect(queue).toHaveTextContent('Failing, retried 3');
    expect(screen.getByRole('region', { name: 'Scheduled jobs' })).toHaveTextContent(
      'Database backup failed at 2025-01-15 03:00 (2 runs in a row): the disk is full',
    );
    expect(screen.getByTestId('income-30-days')).toHaveTextContent('Net KES 34,000.00');
    const chart = screen.getByRole('img', { name: /Net income per day for the last 30 days/ });
    expect(chart.querySelectorAll('rect[data-period]')).toHaveLength(30);
    expect(within(chart).getByTestId('y-axis')).toHaveTextContent('5K');
  });

  it('a cashier sees the income but not the routers, the queue or the jobs', async () => {
    renderHome('cashier', 0, { ...GLANCE, routers: null, queue: null, failingJobs: null });
    expect(await screen.findByRole('region', { name: 'Income, last 30 days' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Routers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Provisioning queue' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Scheduled jobs' })).not.toBeInTheDocument();
  });
});
