import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { activityEntry } from '../../test-utils/fixtures';

const MIN = 60_000;
const T = Date.UTC(2025, 0, 15, 9, 0); // 12:00 in Nairobi

/** Before, at and after T, oldest first; `busy` more entries in the minutes just after it. */
const story = (busy = 0) => [
  activityEntry(1, { ts: T - 20 * MIN, type: 'system', description: 'Long before' }),
  activityEntry(2, { ts: T - 3 * MIN, type: 'system', description: 'Just before' }),
  activityEntry(3, { ts: T, description: 'The entry' }),
  activityEntry(4, { ts: T + 4 * MIN, type: 'system', description: 'Just after' }),
  ...Array.from({ length: busy }, (_, i) =>
    activityEntry(5 + i, { ts: T + 4 * MIN + (i + 1) * 500, description: `Busy ${String(i)}` }),
  ),
];

const table = () =>
  screen.findByRole('table', { name: 'Activity log entries' }, { timeout: 15_000 });
const rowOf = (t: HTMLElement, id: number) => t.querySelector(`[data-entry-id="${String(id)}"]`);

afterEach(() => {
  vi.restoreAllMocks();
  // Recent searches are kept per browser: each test starts without the last one's.
  localStorage.clear();
});

describe('what happened around this entry', () => {
  it('from the drawer: clears every filter, shows ±5 minutes with the entry marked, widens on request', async () => {
    const { params, lastInput } = renderActivityApp({
      entries: story(),
      timeZone: 'Africa/Nairobi',
      path: '/activity?type=user&entry=3',
    });
    const drawer = await screen.findByRole('dialog', { name: 'Entry #3' }, { timeout: 15_000 });
    await within(drawer).findByText('The entry', {}, { timeout: 15_000 });
    fireEvent.click(
      within(drawer).getByRole('button', { name: 'What happened around this entry' }),
    );

    await waitFor(() => expect(params().get('around')).toBe('3'));
    expect(params().get('span')).toBe('5m');
    // The drawer closes so that the entries around it show.
    expect(params().get('entry')).toBeNull();
    expect(params().get('type')).toBeNull();
    expect(params().get('from')).toBe('2025-01-15T11:55');
    expect(params().get('to')).toBe('2025-01-15T12:05');
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({
        from: T - 5 * MIN,
        to: T + 6 * MIN - 1,
      }),
    );
    const t = await table();
    await within(t).findByText('Just before');
    expect(within(t).getByText('Just after')).toBeInTheDocument();
    expect(within(t).queryByText('Long before')).not.toBeInTheDocument();
    await waitFor(() => expect(rowOf(t, 3)).toHaveAttribute('data-around', 'true'));
    expect(rowOf(t, 2)).not.toHaveAttribute('data-around');

    const banner = screen.getByRole('status', { name: 'Around this entry' });
    expect(banner).toHaveTextContent('within 5 min before and after entry #3');
    fireEvent.click(within(banner).getByRole('button', { name: 'Widen to ±30 min' }));
    await waitFor(() => expect(params().get('span')).toBe('30m'));
    expect(params().get('from')).toBe('2025-01-15T11:30');
    await within(t).findByText('Long before');
  });

  it("from a table row's action, the same, without fetching the entry again", async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    const { params, transport } = renderActivityApp({
      entries: story(),
      timeZone: 'Africa/Nairobi',
      path: '/activity?type=user',
    });
    const t = await table();
    await within(t).findByText('The entry', {}, { timeout: 15_000 });
    // Only the user entry matches the filter; its row offers the action.
    expect(within(t).queryByText('Just before')).not.toBeInTheDocument();
    fireEvent.click(within(t).getByRole('button', { name: 'Show surrounding entries of entry 3' }));

    await waitFor(() => expect(params().get('around')).toBe('3'));
    expect(params().get('span')).toBe('5m');
    expect(params().get('type')).toBeNull();
    expect(params().get('entry')).toBeNull();
    expect(params().get('from')).toBe('2025-01-15T11:55');
    await within(t).findByText('Just before');
    expect(within(t).getByText('Just after')).toBeInTheDocument();
    // A click on the action does not open the entry.
    expect(screen.queryByRole('dialog', { name: 'Entry #3' })).not.toBeInTheDocument();
    await waitFor(() => expect(rowOf(t, 3)).toHaveAttribute('data-around', 'true'));
    expect(rowOf(t, 3)).toHaveAttribute('title', 'The entry this view is around');
    // Kept in view.
    expect(scrolled.mock.contexts).toContain(rowOf(t, 3));
    expect(transport.inputsOf('activity.get')).toEqual([]);
    expect(screen.getByRole('status', { name: 'Around this entry' })).toHaveTextContent('entry #3');
  });

  it('widens when the entry is not in the first page of results, and brings it into view', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    // 110 entries in the minutes after it: the first page of the window does not hold it.
    const { params, transport } = renderActivityApp({
      entries: story(110),
      timeZone: 'Africa/Nairobi',
      path: '/activity?from=2025-01-15T11:55&to=2025-01-15T12:05&around=3&span=5m',
    });
    const banner = await screen.findByRole(
      'status',
      { name: 'Around this entry' },
      { timeout: 15_000 },
    );
    const widen = within(banner).getByRole('button', { name: 'Widen to ±30 min' });
    // Its time comes from the entry itself, fetched by id.
    await waitFor(() => expect(widen).toBeEnabled());
    expect(transport.inputsOf('activity.get')).toEqual([{ id: 3 }]);
    fireEvent.click(widen);

    await waitFor(() => expect(params().get('span')).toBe('30m'));
    expect(params().get('from')).toBe('2025-01-15T11:30');
    expect(params().get('to')).toBe('2025-01-15T12:30');
    const t = await table();
    // The pages below load until the entry is there, marked and scrolled to.
    await waitFor(() => expect(rowOf(t, 3)).toHaveAttribute('data-around', 'true'), {
      timeout: 15_000,
    });
    expect(within(t).getByText('Long before')).toBeInTheDocument();
    expect(scrolled.mock.contexts).toContain(rowOf(t, 3));
  });

  it('opens a bookmark holding only the entry and the span: the window, the entry marked', async () => {
    const { params, transport } = renderActivityApp({
      entries: story(),
      timeZone: 'Africa/Nairobi',
      path: '/activity?around=3&span=30m',
    });
    const t = await table();
    await waitFor(() => expect(rowOf(t, 3)).toHaveAttribute('data-around', 'true'), {
      timeout: 15_000,
    });
    expect(params().get('from')).toBe('2025-01-15T11:30');
    expect(params().get('to')).toBe('2025-01-15T12:30');
    expect(within(t).getByText('Long before')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Around this entry' })).toHaveTextContent(
      'within 30 min before and after entry #3',
    );
    // The whole log was never searched while the entry's time was looked up.
    const searches = transport.inputsOf('activity.search');
    expect(searches.length).toBeGreaterThan(0);
    for (const input of searches) {
      expect(input.filter).toEqual({ from: T - 30 * MIN, to: T + 31 * MIN - 1 });
    }
    // The link gained the window's bounds and is still an "around" view.
    expect(params().get('around')).toBe('3');
    expect(params().get('span')).toBe('30m');
  });

  it('opens from a bookmark with the entry open, and a filter change ends it', async () => {
    const { params } = renderActivityApp({
      entries: [activityEntry(3, { ts: T })],
      timeZone: 'Africa/Nairobi',
      path: '/activity?from=2025-01-15T11:55&to=2025-01-15T12:05&entry=3&around=3&span=5m',
    });
    const banner = await screen.findByRole(
      'status',
      { name: 'Around this entry' },
      { timeout: 15_000 },
    );
    expect(banner).toHaveTextContent('entry #3');
    // Once the window is on screen.
    const t = await table();
    await waitFor(() => expect(rowOf(t, 3)).toHaveAttribute('data-around', 'true'), {
      timeout: 15_000,
    });
    const drawer = await screen.findByRole('dialog', { name: 'Entry #3' });
    fireEvent.click(
      await within(drawer).findByRole(
        'button',
        { name: 'Everything from this IP' },
        { timeout: 15_000 },
      ),
    );
    await waitFor(() => expect(params().get('ip')).toBe('10.0.0.7'));
    expect(params().get('around')).toBeNull();
    expect(screen.queryByRole('status', { name: 'Around this entry' })).not.toBeInTheDocument();
  });
});
