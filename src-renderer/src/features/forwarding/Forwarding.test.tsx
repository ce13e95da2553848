import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ForwardingSettings, ForwardingStatus } from '@contract/schemas/forwarding';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { SETTINGS as OFFICE_SETTINGS } from '../../test-utils/office-fixtures';
import { BACKUP_SETTINGS } from '../jobs/job-fixtures';

const T = Date.UTC(2030, 0, 15, 9, 0, 0);

const SETTINGS: ForwardingSettings = {
  enabled: true,
  host: 'logs.office.lan',
  port: 6514,
  tls: true,
  tlsCa: '',
  facility: 13,
  appName: 'isp-desk',
  behindEntries: 10_000,
  behindMinutes: 15,
};

const statusOf = (over: Partial<ForwardingStatus> = {}): ForwardingStatus => ({
  settings: SETTINGS,
  connected: false,
  sentUpTo: 120,
  behindEntries: 1_234,
  behindMs: 5 * 60_000,
  lastSentAt: T,
  lastError: 'connect ECONNREFUSED 10.0.0.9:6514',
  lastErrorAt: T + 60_000,
  ...over,
});

const render = (path: string, status: ForwardingStatus) => {
  let current = status;
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: adminUser() }),
    'settings.get': () => OFFICE_SETTINGS,
    'jobs.list': () => [],
    'backup.settings': () => BACKUP_SETTINGS,
    'forwarding.status': () => current,
    'forwarding.update': (input) => {
      current = { ...current, settings: { ...current.settings, ...input } };
      return current;
    },
  });
  renderApp(transport, path);
  return transport;
};

describe('log forwarding', () => {
  it('shows on the Jobs screen where it sends, that it is down, how far behind and why', async () => {
    render('/jobs', statusOf());
    const card = await screen.findByRole('region', { name: 'Log forwarding' });
    expect(within(card).getByText('Not connected')).toBeInTheDocument();
    expect(card).toHaveTextContent('logs.office.lan:6514 (TLS)');
    expect(card).toHaveTextContent('1,234 entries not sent yet, the oldest 5 minutes old.');
    expect(card).toHaveTextContent('connect ECONNREFUSED 10.0.0.9:6514');
  });

  it('says when it is up to date', async () => {
    render('/jobs', statusOf({ connected: true, behindEntries: 0, behindMs: 0, lastError: null }));
    const card = await screen.findByRole('region', { name: 'Log forwarding' });
    expect(within(card).getByText('Connected')).toBeInTheDocument();
    expect(card).toHaveTextContent('Up to date: every entry has been sent.');
  });

  it('is configured in Settings: checked before saving, only what changed is sent', async () => {
    const transport = render('/settings', statusOf());
    const form = await screen.findByRole('form', { name: 'Log forwarding settings' });
    fireEvent.change(within(form).getByLabelText('Port', { exact: false }), {
      target: { value: '99999' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save log forwarding' }));
    expect(await within(form).findByText('Port must be 1–65535')).toBeInTheDocument();
    expect(transport.inputsOf('forwarding.update')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Port', { exact: false }), {
      target: { value: '514' },
    });
    fireEvent.click(within(form).getByRole('switch', { name: /Use TLS/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save log forwarding' }));
    await waitFor(() =>
      expect(transport.inputsOf('forwarding.update')).toEqual([{ port: 514, tls: false }]),
    );
  });
});
