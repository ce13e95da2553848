import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DemoStatus } from '@contract/schemas/system';
import { reloadPage } from '../../lib/reload-page';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';

vi.mock('../../lib/reload-page', () => ({ reloadPage: vi.fn() }));

const DEMO: NonNullable<DemoStatus['active']> = {
  accounts: [{ username: 'admin', displayName: 'Amina Hassan', role: 'administrator' }],
  password: 'demo-office-2026',
};

const signedInDemo = (status: DemoStatus) =>
  createFakeTransport({
    'auth.status': () => ({
      setupRequired: false,
      user: adminUser({ displayName: 'Amina Hassan' }),
    }),
    'system.demo': () => status,
    'system.leaveDemo': () => ({ left: true }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
  });

describe('the demo office header', () => {
  it('offers "Leave demo", which goes back to the office and reloads at its start', async () => {
    window.location.hash = '#/activity';
    const transport = signedInDemo({ active: DEMO, available: false, leave: true });
    renderApp(transport);
    expect(await screen.findByTestId('demo-banner')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Leave demo' }));
    await waitFor(() => expect(reloadPage).toHaveBeenCalledTimes(1));
    expect(transport.inputsOf('system.leaveDemo')).toEqual([undefined]);
    expect(window.location.hash).toBe('#/');
  });

  it('does not offer it where the server cannot go back', async () => {
    const transport = signedInDemo({ active: DEMO, available: false, leave: false });
    renderApp(transport);
    expect(await screen.findByTestId('demo-banner')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Leave demo' })).toBeNull();
  });
});

describe('the first-run screen while the demo office is made', () => {
  it('says what is happening, with counts', async () => {
    let asked = 0;
    const transport = createFakeTransport({
      'auth.status': () => ({ setupRequired: true, user: null }),
      'system.demo': () =>
        (asked += 1) === 1
          ? { active: null, available: true }
          : {
              active: null,
              available: false,
              building: {
                message:
                  'Making six months of office life: day 37 of 182 (212 clients, 430 payments)',
                done: 38,
                total: 184,
              },
            },
      // Still being made for as long as the test looks.
      'system.openDemo': () => new Promise<never>(() => undefined),
    });
    renderApp(transport);
    fireEvent.click(await screen.findByRole('button', { name: 'Explore a demo office' }));
    expect(await screen.findByTestId('demo-progress')).toHaveTextContent(
      'Making six months of office life: day 37 of 182 (212 clients, 430 payments)',
    );
    expect(screen.getByRole('progressbar', { name: 'Making the demo office' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Explore a demo office' })).toBeInTheDocument();
  });
});
