import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { activityEntry } from '../../test-utils/fixtures';

const MIN = 60_000;
const T = Date.UTC(2025, 0, 15, 9, 0); // 12:00 in Nairobi

describe('what happened around this entry', () => {
  it('clears every filter, shows ±5 minutes around the entry with it open, and widens on request', async () => {
    const entries = [
      activityEntry(1, { ts: T - 20 * MIN, type: 'system', description: 'Long before' }),
      activityEntry(2, { ts: T - 3 * MIN, type: 'system', description: 'Just before' }),
      activityEntry(3, { ts: T, description: 'The entry' }),
      activityEntry(4, { ts: T + 4 * MIN, type: 'system', description: 'Just after' }),
    ];
    const { params, lastInput } = renderActivityApp({
      entries,
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
    expect(params().get('entry')).toBe('3');
    expect(params().get('type')).toBeNull();
    expect(params().get('from')).toBe('2025-01-15T11:55');
    expect(params().get('to')).toBe('2025-01-15T12:05');
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({
        from: T - 5 * MIN,
        to: T + 6 * MIN - 1,
      }),
    );
    const table = await screen.findByRole('table', { name: 'Activity log entries' });
    await within(table).findByText('Just before');
    expect(within(table).getByText('Just after')).toBeInTheDocument();
    expect(within(table).queryByText('Long before')).not.toBeInTheDocument();
    expect(table.querySelector('[data-entry-id="3"]')).toHaveAttribute('data-selected', 'true');

    const banner = screen.getByRole('status', { name: 'Around this entry' });
    expect(banner).toHaveTextContent('within 5 min before and after entry #3');
    fireEvent.click(within(banner).getByRole('button', { name: 'Widen to ±30 min' }));
    await waitFor(() => expect(params().get('span')).toBe('30m'));
    expect(params().get('from')).toBe('2025-01-15T11:30');
    await within(table).findByText('Long before');
  });

  it('opens from a bookmark with the entry highlighted, and a filter change ends it', async () => {
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
