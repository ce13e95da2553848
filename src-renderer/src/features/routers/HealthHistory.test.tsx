import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HealthBucket } from '@contract/schemas/routers';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { SETTINGS } from '../../test-utils/office-fixtures';
import { renderApp } from '../../test-utils/render';
import { routerFixture } from './router-fixtures';

const HOUR = 3_600_000;
const T = Date.UTC(2025, 0, 15, 7, 0); // 10:00 in Nairobi

const bucket = (from: number, over: Partial<HealthBucket> = {}): HealthBucket => ({
  from,
  samples: 12,
  failed: 0,
  cpuAvg: 20,
  cpuMax: 35,
  memoryAvg: 40,
  memoryMax: 45,
  latencyAvg: 4,
  latencyMax: 9,
  sessionsAvg: 120,
  sessionsMax: 140,
  ...over,
});

function renderHistory() {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user: adminUser() }),
    'settings.get': () => SETTINGS,
    'routers.health': () => ({ router: routerFixture(7, { name: 'Tower G' }), samples: [] }),
    'sync.queue': () => ({ items: [], total: 0 }),
    'activity.search': () => ({
      entries: [],
      nextCursor: null,
      total: { count: 0, capped: false },
    }),
    'routers.healthHistory': ({ from, to }) => ({
      routerId: 7,
      from,
      to,
      bucketMs: Math.ceil((to - from) / 240 / 60_000) * 60_000,
      buckets: [bucket(from), bucket(from + HOUR, { failed: 2, cpuMax: 91 })],
      outages: [{ from: T - 2 * HOUR, to: T - HOUR }],
      keptSince: T - 60 * 24 * HOUR,
      keptDays: 183,
    }),
  });
  return { transport, ...renderApp(transport, '/routers/7') };
}

describe('router health history', () => {
  it('shows the stored CPU, memory, latency, sessions and outages, over a chosen range', async () => {
    const { transport } = renderHistory();
    const panel = await screen.findByRole('region', { name: 'Health history' });
    expect(await within(panel).findByTestId('history-summary')).toHaveTextContent(
      '24 health checks kept, averaged per 6 min; history kept since 2024-11-16 10:00 (183 days at most)',
    );
    expect(within(panel).getByTestId('peak-CPU')).toHaveTextContent('peak 91%');
    expect(within(panel).getByTestId('peak-Memory')).toHaveTextContent('peak 45%');
    expect(within(panel).getByTestId('peak-Latency')).toHaveTextContent('peak 9 ms');
    expect(within(panel).getByTestId('peak-Sessions')).toHaveTextContent('peak 140');
    expect(within(panel).getByRole('img', { name: 'CPU over the range, peak 91%' })).toBeVisible();
    expect(within(panel).getByLabelText('Outages')).toHaveTextContent(
      'Outage 2025-01-15 08:00 to 2025-01-15 09:00',
    );
    const [first] = transport.inputsOf('routers.healthHistory');
    expect(first).toMatchObject({ id: 7, points: 240 });
    expect((first?.to ?? 0) - (first?.from ?? 0)).toBe(24 * HOUR);

    for (const label of ['24 hours', '7 days', '30 days', '180 days']) {
      expect(within(panel).getByText(label)).toBeInTheDocument();
    }
    for (const [label, days, per] of [
      ['7 days', 7, 'per 42 min'],
      ['30 days', 30, 'per 3 hours'],
      ['180 days', 180, 'per 18 hours'],
    ] as const) {
      const asked = transport.inputsOf('routers.healthHistory').length;
      fireEvent.click(within(panel).getByText(label));
      await waitFor(() =>
        expect(transport.inputsOf('routers.healthHistory').length).toBeGreaterThan(asked),
      );
      const last = transport.inputsOf('routers.healthHistory').at(-1);
      expect((last?.to ?? 0) - (last?.from ?? 0)).toBe(days * 24 * HOUR);
      await waitFor(() =>
        expect(within(panel).getByTestId('history-summary')).toHaveTextContent(`averaged ${per};`),
      );
      // The outages over the chosen range are listed with it.
      expect(within(panel).getByLabelText('Outages')).toHaveTextContent('Outage 2025-01-15 08:00');
    }
  });
});
