import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InsightsActivity, InsightsJobs, InsightsRouters } from '@contract/schemas/insights';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { officeSettings, staffUser } from '../../test-utils/office-fixtures';
import { renderApp } from '../../test-utils/render';

const HOUR = 3_600_000;
/** Monday 2030-01-14 06:00 UTC: 09:00 in Nairobi (EAT, UTC+3), the office's zone here. */
const MON_9 = Date.UTC(2030, 0, 14, 6);
const NOW = Date.UTC(2030, 0, 15, 12);
const RANGE = { from: NOW - 7 * 24 * HOUR + 1, to: NOW, bucket: 'day' as const };

const activity = (scope: 'staff' | 'all'): InsightsActivity => ({
  ...RANGE,
  scope,
  actorId: null,
  cells: [
    { weekday: 0, hour: 9, n: scope === 'staff' ? 5 : 9, latestHour: MON_9 },
    { weekday: 1, hour: 14, n: 2, latestHour: MON_9 + 29 * HOUR },
  ],
  days: [
    '2030-01-08',
    '2030-01-09',
    '2030-01-10',
    '2030-01-11',
    '2030-01-12',
    '2030-01-13',
    '2030-01-14',
    '2030-01-15',
  ],
  staff: [{ id: 2, name: 'Maria Cashier', total: 7, days: [{ day: '2030-01-14', n: 7 }] }],
});

const JOBS: InsightsJobs = {
  ...RANGE,
  jobs: [
    {
      name: 'db.backup',
      label: 'Database backup',
      runs: 2,
      failures: 0,
      avgMs: 1_500,
      maxMs: 2_000,
      series: [
        { from: Date.UTC(2030, 0, 13, 21), runs: 2, failures: 0, avgMs: 1_500, maxMs: 2_000 },
      ],
    },
    {
      name: 'routers.health',
      label: 'Router health checks',
      runs: 0,
      failures: 0,
      avgMs: 0,
      maxMs: 0,
      series: [],
    },
  ],
  slowest: [
    {
      name: 'db.backup',
      label: 'Database backup',
      startedAt: MON_9 + 30 * 60_000,
      durationMs: 2_000,
      outcome: 'success',
      trigger: 'schedule',
      exact: true,
    },
  ],
};

const ROUTERS: InsightsRouters = {
  ...RANGE,
  routers: [
    {
      id: 7,
      name: 'Tower A',
      samples: 2_016,
      failed: 12,
      outages: 2,
      syncFailures: 1,
      latencyAvg: 4,
      latencyMax: 90,
      series: [
        {
          from: Date.UTC(2030, 0, 13, 21),
          samples: 288,
          failed: 12,
          latencyAvg: 5,
          latencyMax: 90,
        },
      ],
    },
  ],
};

const paramsOf = (link: HTMLElement): URLSearchParams => {
  const href = link.getAttribute('href') ?? '';
  expect(href).toMatch(/^#?\/activity\?/);
  return new URLSearchParams(href.slice(href.indexOf('?') + 1));
};

const renderInsights = (user = adminUser()) => {
  const transport = createFakeTransport({
    'auth.status': () => ({ setupRequired: false, user }),
    'settings.get': () => officeSettings('Africa/Nairobi'),
    'insights.activity': (input) => activity(input.scope ?? 'staff'),
    'insights.jobs': () => JOBS,
    'insights.routers': () => ROUTERS,
  });
  return { transport, ...renderApp(transport, '/insights') };
};

describe('Insights screen', () => {
  it('draws who works when in office hours; a square opens its latest hour in the log', async () => {
    renderInsights();
    const heat = await screen.findByTestId('week-heatmap');
    const cell = within(heat).getByRole('link', {
      name: /^Mondays 09:00–10:00 \(EAT\): 5 staff actions/,
    });
    expect(cell.getAttribute('aria-label')).toContain('2030-01-14 09:00');
    const p = paramsOf(cell);
    expect(p.get('from')).toBe('2030-01-14T09:00');
    expect(p.get('to')).toBe('2030-01-14T09:59');
    expect(p.get('type')).toBe('user,administrative');
    expect(p.get('staff')).toBeNull();
    expect(screen.getAllByTestId('heat-cell')).toHaveLength(2);
    expect(screen.getByTestId('activity-total').textContent).toContain('7 staff actions');
  });

  it('counts every entry when asked, and the square then filters on no type', async () => {
    const { transport } = renderInsights();
    await screen.findAllByTestId('heat-cell');
    fireEvent.click(screen.getByRole('radio', { name: 'Every entry' }));
    await screen.findByText(/^11 entries from/);
    const cell = within(screen.getByTestId('week-heatmap')).getByRole('link', {
      name: /^Mondays 09:00–10:00 \(EAT\): 9 entries/,
    });
    expect(paramsOf(cell).get('type')).toBeNull();
    expect(
      transport.calls.some(
        (c) => c.name === 'insights.activity' && (c.input as { scope?: string }).scope === 'all',
      ),
    ).toBe(true);
  });

  it("links a staff member's day to their actions that office day", async () => {
    renderInsights();
    const days = await screen.findByTestId('staff-days');
    const day = within(days).getByRole('link', { name: 'Maria Cashier, 2030-01-14: 7 actions' });
    const p = paramsOf(day);
    expect(p.get('from')).toBe('2030-01-14');
    expect(p.get('to')).toBe('2030-01-14');
    expect(p.get('staff')).toBe('2');
    expect(p.get('type')).toBe('user,administrative');
    expect(within(screen.getByTestId('staff-days')).getAllByTestId('staff-row')).toHaveLength(1);
  });

  it("shows jobs' durations and the slowest runs in office time, each run linked to its entry", async () => {
    renderInsights();
    const rows = await screen.findAllByTestId('job-row');
    expect(within(rows[0] ?? document.body).getByText('Database backup')).toBeTruthy();
    expect(within(rows[0] ?? document.body).getByText('1.5 s')).toBeTruthy();
    expect(
      within(rows[0] ?? document.body).getByRole('img', {
        name: /Database backup: average run per office day/,
      }),
    ).toBeTruthy();
    expect(within(rows[1] ?? document.body).getByText('No runs in this range')).toBeTruthy();
    const slow = screen.getByTestId('slow-run');
    expect(within(slow).getByText('2030-01-14 09:30:00')).toBeTruthy();
    expect(within(slow).getByText('Succeeded')).toBeTruthy();
    const p = paramsOf(within(slow).getByRole('link', { name: 'Show in the log' }));
    expect(p.get('from')).toBe('2030-01-14T09:29');
    expect(p.get('to')).toBe('2030-01-14T09:31');
    expect(p.get('category')).toBe('scheduled_task');
  });

  it("links a router's outages and sync failures to its entries over the range", async () => {
    renderInsights();
    const row = await screen.findByTestId('router-row');
    const outages = paramsOf(
      within(row).getByRole('link', { name: 'Tower A: 2 outages, show them in the log' }),
    );
    expect(outages.get('router')).toBe('7');
    expect(outages.get('category')).toBe('health_check');
    expect(outages.get('outcome')).toBe('failure');
    expect(outages.get('to')).toBe('2030-01-15T15:00');
    const sync = paramsOf(
      within(row).getByRole('link', { name: 'Tower A: 1 sync failure, show them in the log' }),
    );
    expect(sync.get('category')).toBe('auto_sync');
    expect(within(row).getByText('90 ms')).toBeTruthy();
    expect(
      within(row).getByRole('img', { name: /Tower A: average latency per office day, peak 90 ms/ }),
    ).toBeTruthy();
  });

  it('reads whole office days when days are picked', async () => {
    const { transport } = renderInsights();
    await screen.findAllByTestId('job-row');
    fireEvent.click(screen.getByRole('radio', { name: 'Pick days' }));
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2030-01-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2030-01-10' } });
    await waitFor(() =>
      expect(
        transport.calls.some(
          (c) =>
            c.name === 'insights.jobs' &&
            JSON.stringify(c.input) ===
              JSON.stringify({ fromDay: '2030-01-01', toDay: '2030-01-10' }),
        ),
      ).toBe(true),
    );
  });

  it('is offered to viewers', async () => {
    renderInsights(staffUser('viewer'));
    expect(await screen.findByRole('link', { name: 'Insights' })).toBeTruthy();
  });

  it('is not in the menu of a cashier', async () => {
    renderApp(
      createFakeTransport({
        'auth.status': () => ({ setupRequired: false, user: staffUser('cashier') }),
      }),
      '/clients',
    );
    await screen.findByTestId('current-user');
    expect(screen.queryByRole('link', { name: 'Insights' })).toBeNull();
  });
});
