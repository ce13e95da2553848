import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { driftFixture, routerFixture } from './router-fixtures';
import { officeSettings } from '../../test-utils/office-fixtures';

function renderRouter() {
  const router = routerFixture(7, { name: 'Tower G', pendingChanges: 1 });
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({
      setupRequired: false,
      user: adminUser(),
    }),
    'routers.health': () => ({
      router,
      samples: [0, 1, 2].map((i) => ({
        ts: Date.UTC(2025, 0, 1, 10, i),
        ok: i !== 1,
        latencyMs: 3,
        cpuLoad: i === 1 ? null : 10 + i,
        memoryUsedPct: i === 1 ? null : 40,
        activeSessions: 5,
        uptimeSec: 100 + i,
      })),
    }),
    'sync.queue': () => ({
      items: [
        {
          id: 11,
          routerId: 7,
          routerName: 'Tower G',
          subject: 'client',
          subjectId: 3,
          subjectLabel: 'AC000003 Amina Said',
          reason: 'client.updated',
          correlationId: 'c-1',
          attempts: 2,
          lastError: 'Router unreachable',
          lastAttemptAt: Date.UTC(2025, 0, 1),
          nextAttemptAt: Date.UTC(2025, 0, 1, 0, 5),
          createdAt: Date.UTC(2025, 0, 1),
        },
      ],
      total: 1,
    }),
    'sync.retryNow': () => ({ rescheduled: 1 }),
    'sync.preview': () => ({
      routers: [
        {
          routerId: 7,
          routerName: 'Tower G',
          reachable: true,
          error: null,
          checked: 12,
          drift: [
            driftFixture('s:amina', { name: 'amina', kind: 'missing', action: 'add' }),
            driftFixture('s:ghost', { name: 'ghost', kind: 'unknown', action: 'keep' }),
            driftFixture('s:bob', {
              name: 'bob',
              kind: 'different',
              action: 'set',
              fields: [{ field: 'profile', router: 'basic', desired: 'premium' }],
            }),
          ],
        },
      ],
      counts: { missing: 1, unknown: 1, different: 1 },
    }),
    'sync.apply': () => ({
      routers: [
        {
          routerId: 7,
          routerName: 'Tower G',
          reachable: true,
          error: null,
          added: 1,
          updated: 1,
          removed: 0,
          kicked: 1,
          unknownKept: 1,
          failed: 0,
        },
      ],
      correlationId: 'c-2',
    }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
  });
  return { transport, ...renderApp(transport, '/routers/7') };
}

describe('Router page', () => {
  it('shows details, health history and the queue, and retries an item', async () => {
    const { transport } = renderRouter();
    expect(await screen.findByRole('heading', { name: 'Tower G' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Health history' })).toBeInTheDocument();
    const queue = await screen.findByRole('table', { name: 'Pending changes' });
    expect(queue).toHaveTextContent('Router unreachable');
    fireEvent.click(within(queue).getByRole('button', { name: 'Retry AC000003 Amina Said now' }));
    await waitFor(() => expect(transport.inputsOf('sync.retryNow')).toEqual([{ itemId: 11 }]));
    expect(await screen.findByRole('region', { name: 'Activity for Tower G' })).toBeInTheDocument();
  });

  it('previews drift and keeps unknown entries unless ticked', async () => {
    const { transport } = renderRouter();
    fireEvent.click(await screen.findByRole('button', { name: 'Preview sync' }));
    const drift = await screen.findByRole('table', { name: 'Drift' });
    const row = (name: string) =>
      within(drift)
        .getAllByRole('row')
        .find((r) => within(r).queryByText(name)) as HTMLElement;
    expect(row('amina')).toHaveTextContent('Missing on router');
    expect(row('amina')).toHaveTextContent('Add to router');
    expect(row('bob')).toHaveTextContent('profile: router basic → premium');
    const remove = within(row('ghost')).getByRole('checkbox', {
      name: 'Remove ghost from the router',
    });
    expect(remove).not.toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Apply sync' }));
    expect(await screen.findByText('Sync applied')).toBeInTheDocument();
    expect(transport.inputsOf('sync.apply')).toEqual([
      { scope: { routerId: 7 }, removeUnknown: [] },
    ]);

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Remove ghost from the router' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply sync' }));
    await waitFor(() =>
      expect(transport.inputsOf('sync.apply').at(-1)).toEqual({
        scope: { routerId: 7 },
        removeUnknown: [{ routerId: 7, key: 's:ghost' }],
      }),
    );
  });
});
