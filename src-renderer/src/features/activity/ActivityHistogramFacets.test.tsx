import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Out } from '@contract/api';
import { renderActivityApp } from '../../test-utils/activity-app';
import { activityEntry } from '../../test-utils/fixtures';
import { minuteBound } from './filter-params';
import { officeClock } from '../../lib/office-time';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 15, 0);

const histogram: Out<'activity.histogram'> = {
  from: T0,
  to: T0 + 10 * HOUR - 1,
  bucketMs: HOUR,
  buckets: Array.from({ length: 10 }, (_, i) => ({
    start: T0 + i * HOUR,
    system: 1,
    user: i,
    administrative: 0,
  })),
  exact: true,
};

const facets = (exact = true): Out<'activity.facets'> => ({
  types: [{ value: 'user', count: exact ? 12 : 10_000 }],
  categories: [{ value: 'client', count: 12 }],
  outcomes: [
    { value: 'success', count: 8 },
    { value: 'failure', count: 4 },
  ],
  actors: [{ id: 2, name: 'Carla Cashier', count: 12 }],
  exact,
});

/** jsdom lays nothing out: give the chart the width it would have on screen. */
const layOut = (svg: Element, width: number) =>
  Object.defineProperty(svg, 'getBoundingClientRect', {
    value: () => ({ left: 0, top: 0, width, height: 100, right: width, bottom: 100 }),
  });

describe('histogram', () => {
  it('zooms the date filter to the buckets dragged across, and the results follow', async () => {
    const { params, lastInput, transport } = renderActivityApp({
      entries: [activityEntry(1)],
      handlers: { 'activity.histogram': () => histogram },
    });
    const chart = await screen.findByRole('img', { name: /^Histogram: 55 entries/ });
    layOut(chart, 1000);

    fireEvent.pointerDown(chart, { button: 0, clientX: 250 });
    fireEvent.pointerMove(window, { clientX: 400 });
    const selection = screen.getByTestId('histogram-selection');
    expect(Number(selection.getAttribute('x'))).toBeCloseTo(250);
    expect(Number(selection.getAttribute('width'))).toBeCloseTo(150);
    fireEvent.pointerUp(window, { clientX: 550 });

    const from = T0 + 2 * HOUR;
    const to = T0 + 6 * HOUR - 1;
    await waitFor(() => expect(lastInput('activity.search')?.filter).toEqual({ from, to }));
    expect(params().get('from')).toBe(minuteBound(from, officeClock('UTC')));
    expect(params().get('to')).toBe(minuteBound(to, officeClock('UTC')));
    expect(params().get('range')).toBeNull();
    await waitFor(() => expect(lastInput('activity.histogram')?.filter).toEqual({ from, to }));
    expect(screen.queryByTestId('histogram-selection')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear time range' })).toBeInTheDocument();
    expect(transport.inputsOf('activity.facets').at(-1)?.filter).toEqual({ from, to });
  });

  it('shows an error with a retry when the histogram fails', async () => {
    let fail = true;
    renderActivityApp({
      handlers: {
        'activity.histogram': () => {
          if (fail) throw new Error('boom');
          return histogram;
        },
      },
    });
    const retry = await screen.findByRole('button', { name: 'Retry histogram' });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('img', { name: /^Histogram:/ })).toBeInTheDocument();
  });
});

describe('facet counts', () => {
  it('sets and unsets a filter with a click on a count', async () => {
    const { params, lastInput } = renderActivityApp({
      entries: [activityEntry(1)],
      handlers: { 'activity.facets': () => facets() },
    });
    const panel = await screen.findByRole('complementary', { name: 'Facet counts' });
    const failure = await within(panel).findByRole('button', { name: 'Outcome Failure: 4' });
    expect(failure).toHaveAttribute('aria-pressed', 'false');

    fireEvent.click(failure);
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({ outcomes: ['failure'] }),
    );
    expect(params().get('outcome')).toBe('failure');
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Outcome Failure: 4' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );

    fireEvent.click(within(panel).getByRole('button', { name: 'Staff member Carla Cashier: 12' }));
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({
        outcomes: ['failure'],
        actorIds: [2],
      }),
    );

    fireEvent.click(within(panel).getByRole('button', { name: 'Outcome Failure: 4' }));
    await waitFor(() => expect(lastInput('activity.search')?.filter).toEqual({ actorIds: [2] }));
    expect(params().get('outcome')).toBeNull();
    expect(params().get('staff')).toBe('2');
  });

  it('shows counts that stopped at the cap as "10,000+"', async () => {
    renderActivityApp({ handlers: { 'activity.facets': () => facets(false) } });
    expect(await screen.findByRole('button', { name: 'Type User: 10,000+' })).toBeInTheDocument();
    expect(screen.getByText(/Partial counts/)).toBeInTheDocument();
  });
});

describe('matched terms', () => {
  it('are marked in the descriptions, and markup in a description stays text', async () => {
    const { container } = renderActivityApp({
      path: `/activity?q=${encodeURIComponent('router (cash)')}`,
      entries: [
        activityEntry(1, {
          description: '<img src=x onerror="alert(1)"> Router paid (cash) by <b>router</b>',
        }),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Activity log entries' });
    const marks = within(table)
      .getAllByText((_, el) => el?.tagName === 'MARK')
      .map((m) => m.textContent);
    expect(marks).toEqual(['Router', '(cash)', 'router']);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('tbody b')).toBeNull();
    expect(table).toHaveTextContent(
      '<img src=x onerror="alert(1)"> Router paid (cash) by <b>router</b>',
    );
  });
});
