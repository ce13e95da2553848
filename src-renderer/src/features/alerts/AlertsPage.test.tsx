import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES, type Alert } from '@contract/schemas/alerts';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { officeSettings, staffUser } from '../../test-utils/office-fixtures';
import { renderApp } from '../../test-utils/render';

const T = Date.UTC(2030, 0, 15, 22, 30);

const RULES = DEFAULT_ALERT_RULES;
const MAIL = {
  enabled: false,
  host: '',
  port: 587,
  tls: false,
  user: '',
  passwordSet: false,
  from: '',
  to: '',
};

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 4,
  rule: 'outside_hours',
  severity: 'medium',
  title: 'maria signed in or moved money outside office hours on 2030-01-15',
  status: 'open',
  firstAt: T,
  lastAt: T + 600_000,
  count: 2,
  entryIds: [41, 42],
  pivot: { from: T, to: T + 600_000, actorIds: [2] },
  note: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedBy: null,
  resolvedAt: null,
  ...over,
});

const renderAlerts = (user = adminUser()) => {
  let current = alert();
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user }),
    'settings.get': () => officeSettings(),
    'alerts.list': () => ({
      alerts: current.status === 'resolved' ? [] : [current],
      open: current.status === 'open' ? 1 : 0,
    }),
    'alerts.acknowledge': ({ note }) => {
      current = { ...current, status: 'acknowledged', note, acknowledgedBy: 'Ada Admin' };
      return current;
    },
    'alerts.resolve': () => {
      current = { ...current, status: 'resolved' };
      return current;
    },
    'alerts.rules': () => ({ rules: RULES, mail: MAIL }),
    'alerts.updateRules': () => ({ rules: RULES, mail: MAIL }),
    'alerts.emails': () => [
      {
        id: 2,
        alertId: 4,
        recipient: 'owner@office.test',
        subject: '[ISP Desk alert] Repeated failed sign-ins as "maria"',
        status: 'pending',
        attempts: 2,
        lastError: 'Connection refused by the mail server',
        createdAt: T,
        nextAttemptAt: T + 120_000,
        sentAt: null,
      },
      {
        id: 1,
        alertId: 3,
        recipient: 'owner@office.test',
        subject: '[ISP Desk alert] A router went offline',
        status: 'sent',
        attempts: 1,
        lastError: null,
        createdAt: T - 3_600_000,
        nextAttemptAt: null,
        sentAt: T - 3_000_000,
      },
    ],
  });
  return { transport, ...renderApp(transport, '/alerts') };
};

describe('Alerts screen', () => {
  it('lists alerts with a pivot into the Activity Log and the header badge', async () => {
    renderAlerts();
    const row = await screen.findByTestId('alert-row');
    expect(within(row).getByText(/outside office hours/)).toBeTruthy();
    const link = within(row).getByRole('link', { name: 'Show entries' });
    const href = link.getAttribute('href') ?? '';
    expect(href).toMatch(/\/activity\?/);
    expect(href).toContain('staff=2');
    expect(await screen.findByRole('link', { name: '1 open alert' })).toBeTruthy();
  });

  it('acknowledges with a note, then resolves', async () => {
    const { transport } = renderAlerts();
    const row = await screen.findByTestId('alert-row');
    fireEvent.click(within(row).getByRole('button', { name: 'Acknowledge' }));
    const note = await screen.findByLabelText(/Note/);
    fireEvent.change(note, { target: { value: 'Maria closed the drawer late; checked.' } });
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() =>
      expect(transport.calls.some((c) => c.name === 'alerts.acknowledge')).toBe(true),
    );
    expect(transport.calls.find((c) => c.name === 'alerts.acknowledge')?.input).toEqual({
      id: 4,
      note: 'Maria closed the drawer late; checked.',
    });
    await screen.findByText(/Acknowledged by Ada Admin/);
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await screen.findByText('No open alerts.');
  });

  it('lists the alert email send log in office time: recipient, alert, attempts, status, error', async () => {
    renderAlerts();
    const rows = await screen.findAllByTestId('alert-email-row');
    expect(rows).toHaveLength(2);
    const [retrying, sent] = rows;
    if (!retrying || !sent) throw new Error('two rows expected');
    // T is 22:30 UTC; the fixture office is in UTC.
    expect(within(retrying).getByText('2030-01-15 22:30')).toBeTruthy();
    expect(within(retrying).getByText('owner@office.test')).toBeTruthy();
    expect(within(retrying).getByText(/Repeated failed sign-ins/)).toBeTruthy();
    expect(within(retrying).getByText('Waiting to retry')).toBeTruthy();
    expect(within(retrying).getByText('next try 2030-01-15 22:32')).toBeTruthy();
    expect(within(retrying).getByText('Connection refused by the mail server')).toBeTruthy();
    expect(within(sent).getByText('Sent')).toBeTruthy();
    expect(within(sent).getByText('2030-01-15 21:30')).toBeTruthy();
    expect(within(sent).getByText('2030-01-15 21:40')).toBeTruthy();
  });

  it('shows an in-page notification when an alert is pushed (browser)', async () => {
    const { transport } = renderAlerts();
    await screen.findByTestId('alert-row');
    transport.emit('alert.raised', {
      id: 5,
      rule: 'brute_force',
      severity: 'high',
      title: 'Repeated failed sign-ins as "maria"',
    });
    expect(await screen.findByText('Repeated failed sign-ins as "maria"')).toBeTruthy();
  });

  it('is not offered to a cashier: no badge, no menu entry', async () => {
    renderApp(
      createFakeTransport({
        'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
      }),
      '/clients',
    );
    await screen.findByTestId('current-user');
    expect(screen.queryByTestId('alerts-badge')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Alerts' })).toBeNull();
  });
});
