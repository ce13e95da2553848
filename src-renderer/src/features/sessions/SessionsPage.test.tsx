import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '@contract/schemas/auth';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { officeSettings } from '../../test-utils/office-fixtures';

const session = (id: string, ip: string, current: boolean): SessionInfo => ({
  id,
  staffId: 1,
  username: 'admin',
  displayName: 'Ada Admin',
  createdAt: Date.UTC(2025, 0, 1, 8),
  lastSeenAt: Date.UTC(2025, 0, 1, 9),
  idleExpiresAt: Date.UTC(2025, 0, 1, 10),
  absoluteExpiresAt: Date.UTC(2025, 0, 2, 8),
  ip,
  workstation: current ? 'FRONT-DESK' : null,
  current,
});

describe('My sessions', () => {
  it('ends another session and stays signed in', async () => {
    let sessions = [session('s1', '10.0.0.5', true), session('s2', '10.0.0.9', false)];
    const transport = createFakeTransport({
      'settings.get': () => officeSettings(),
      'auth.status': () => ({ setupRequired: false, user: adminUser() }),
      'sessions.listMine': () => sessions,
      'sessions.end': ({ sessionId }) => {
        sessions = sessions.filter((s) => s.id !== sessionId);
        return null;
      },
    });
    renderApp(transport, '/sessions');

    const other = (await screen.findByText('10.0.0.9')).closest('tr') as HTMLElement;
    expect(within(other).queryByText('This session')).not.toBeInTheDocument();
    fireEvent.click(within(other).getByRole('button', { name: 'End session' }));

    await waitFor(() => expect(screen.queryByText('10.0.0.9')).not.toBeInTheDocument());
    expect(transport.inputsOf('sessions.end')).toEqual([{ sessionId: 's2' }]);
    expect(screen.getByText('This session')).toBeInTheDocument();
  });

  it('ending the current session returns to the login screen', async () => {
    const transport = createFakeTransport({
      'settings.get': () => officeSettings(),
      'auth.status': () => ({ setupRequired: false, user: adminUser() }),
      'sessions.listMine': () => [session('s1', '10.0.0.5', true)],
      'sessions.end': () => null,
    });
    renderApp(transport, '/sessions');
    fireEvent.click(await screen.findByRole('button', { name: 'End session' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
