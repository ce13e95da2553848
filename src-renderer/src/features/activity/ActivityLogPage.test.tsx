import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { In, Out } from '@contract/api';
import { recordedNotice } from '../../test-utils/fake-activity-log';
import {
  createFakeTransport,
  fakeFieldError,
  type fakeError,
} from '../../test-utils/fake-transport';
import { activityEntry, adminUser, staffMember } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { officeSettings } from '../../test-utils/office-fixtures';

const IP_HELP =
  'IP filter must be an address (10.0.0.1), a prefix (10.0.) or an IPv4 CIDR block (10.0.0.0/24)';

/** A fake log of `size` entries, newest (highest id) first, served in keyset pages. */
function fakeLog(size: number, capped = false) {
  return (input: In<'activity.search'>): Out<'activity.search'> | ReturnType<typeof fakeError> => {
    const ip = input.filter.ip;
    if (ip !== undefined && !/^[\d./]+$/.test(ip))
      return fakeFieldError('validation', { path: ['filter', 'ip'], message: IP_HELP }, IP_HELP);
    const limit = input.limit ?? 100;
    const start = input.cursor === undefined ? size : input.cursor - 1;
    const ids = Array.from({ length: Math.max(0, Math.min(limit, start)) }, (_, i) => start - i);
    const last = ids.at(-1);
    return {
      entries: ids.map((id) => activityEntry(id)),
      nextCursor: last !== undefined && last > 1 ? last : null,
      total: { count: capped ? 10_000 : size, capped },
    };
  };
}

function renderLog(path = '/activity', size = 3, capped = false) {
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({ setupRequired: false, user: adminUser() }),
    'activity.search': fakeLog(size, capped),
    'staff.list': () => [staffMember(2, { displayName: 'Carla Cashier' })],
    'activity.verify': () => ({ ok: false, checked: 120, firstBadId: 57, reason: 'hash mismatch' }),
  });
  const rendered = renderApp(transport, path);
  const search = () => rendered.router.state.location.search;
  return { transport, search, ...rendered };
}

const lastFilter = (transport: ReturnType<typeof renderLog>['transport']) =>
  transport.inputsOf('activity.search').at(-1)?.filter;

describe('Activity log', () => {
  it('lists entries newest first with the count', async () => {
    renderLog('/activity', 1234);
    expect(await screen.findByText('1,234 entries')).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Activity log entries' })).getAllByRole(
      'row',
    );
    expect(rows[1]).toHaveTextContent('Updated client #1234');
    expect(rows[2]).toHaveTextContent('Updated client #1233');
  });

  it('shows a capped count and loads more with the keyset cursor', async () => {
    const { transport } = renderLog('/activity', 150, true);
    expect(await screen.findByText('10,000+ entries')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Open entry/ })).toHaveLength(100);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Open entry/ })).toHaveLength(150),
    );
    expect(transport.inputsOf('activity.search').at(-1)?.cursor).toBe(51);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('offers newly recorded entries, ignoring notices about entries already shown', async () => {
    const { transport } = renderLog();
    await screen.findByText('3 entries');
    const searches = transport.inputsOf('activity.search').length;

    act(() => transport.emit('activity.recorded', recordedNotice(3, 1)));
    expect(screen.queryByRole('button', { name: /new entr/ })).not.toBeInTheDocument();

    act(() => transport.emit('activity.recorded', recordedNotice(5, 2)));
    fireEvent.click(await screen.findByRole('button', { name: 'Show 2 new entries' }));

    await waitFor(() => expect(transport.inputsOf('activity.search').length).toBe(searches + 1));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /new entr/ })).not.toBeInTheDocument(),
    );
  });

  it('offers only new entries of the categories the filter shows', async () => {
    const { transport } = renderLog('/activity?category=client,network');
    await screen.findByText('3 entries');

    // Payments (financial) are not what this filter shows.
    act(() => transport.emit('activity.recorded', recordedNotice(5, 2, 'financial')));
    expect(screen.queryByRole('button', { name: /new entr/ })).not.toBeInTheDocument();

    act(() =>
      transport.emit('activity.recorded', {
        lastId: 9,
        count: 4,
        categories: { financial: { lastId: 9, count: 3 }, network: { lastId: 7, count: 1 } },
      }),
    );
    expect(await screen.findByRole('button', { name: 'Show 1 new entry' })).toBeInTheDocument();
  });

  it('searches as you type and keeps the filter in the URL', async () => {
    const { transport, search } = renderLog();
    await screen.findByText('3 entries');

    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'reboot' } });

    await waitFor(() => expect(lastFilter(transport)).toEqual({ text: 'reboot' }));
    expect(new URLSearchParams(search()).get('q')).toBe('reboot');
  });

  it('reads a bookmarked filter from the URL', async () => {
    const { transport } = renderLog('/activity?type=system&outcome=failure&staff=2');
    await screen.findByText('3 entries');
    expect(lastFilter(transport)).toEqual({
      types: ['system'],
      outcomes: ['failure'],
      actorIds: [2],
    });
    expect(screen.getByRole('combobox', { name: 'Outcome' })).toHaveValue('Failure');
  });

  it('applies a quick date range, kept relative in the URL', async () => {
    const { transport, search } = renderLog();
    await screen.findByText('3 entries');
    expect(screen.getByRole('button', { name: 'Date range' })).toBeInTheDocument();

    const before = Date.now();
    fireEvent.click(screen.getByRole('button', { name: 'Last 7 days' }));

    await waitFor(() => expect(lastFilter(transport)?.from).toBeDefined());
    const from = lastFilter(transport)?.from ?? 0;
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(from).toBeGreaterThanOrEqual(before - week);
    expect(from).toBeLessThanOrEqual(Date.now() - week);
    expect(new URLSearchParams(search()).get('range')).toBe('7d');
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('filters by an IP or a staff member clicked in the table', async () => {
    const { transport, search } = renderLog();
    await screen.findByText('3 entries');

    fireEvent.click(
      screen.getAllByRole('button', { name: 'Filter by IP 10.0.0.7' })[0] as HTMLElement,
    );
    await waitFor(() => expect(lastFilter(transport)).toEqual({ ip: '10.0.0.7' }));
    expect(screen.getByLabelText('IP address')).toHaveValue('10.0.0.7');

    fireEvent.click(
      screen.getAllByRole('button', { name: 'Filter by staff Carla Cashier' })[0] as HTMLElement,
    );
    await waitFor(() => expect(lastFilter(transport)).toEqual({ ip: '10.0.0.7', actorIds: [2] }));
    expect(new URLSearchParams(search()).get('staff')).toBe('2');
  });

  it("shows the server's message for an invalid IP filter", async () => {
    renderLog();
    await screen.findByText('3 entries');

    fireEvent.change(screen.getByLabelText('IP address'), { target: { value: '10.0.0.300/99x' } });

    expect(await screen.findByText(IP_HELP)).toBeInTheDocument();
    expect(screen.getByLabelText('IP address')).toHaveAttribute('aria-invalid', 'true');
  });

  it('opens an entry in the detail drawer', async () => {
    const { search } = renderLog();
    await screen.findByText('3 entries');

    fireEvent.click(screen.getByRole('button', { name: 'Open entry 2' }));

    const drawer = await screen.findByRole('dialog', { name: 'Entry #2' });
    const fields = within(drawer).getByRole('table', { name: 'Entry fields' });
    expect(within(fields).getByText('FRONT-DESK')).toBeInTheDocument();
    expect(within(fields).getByText('corr-2')).toBeInTheDocument();
    expect(new URLSearchParams(search()).get('entry')).toBe('2');
  });

  it('exports the current filter as CSV', async () => {
    const { transport } = renderLog('/activity?ip=10.0.');
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(transport.downloads).toHaveLength(1));
    expect(transport.downloads[0]).toMatchObject({
      name: 'activity.export',
      input: { filter: { ip: '10.0.' }, format: 'csv' },
    });
  });

  it('reports the first bad entry when verification fails', async () => {
    renderLog();
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    expect(await screen.findByText('Integrity check failed')).toBeInTheDocument();
    expect(screen.getByText(/The first bad entry is #57\. hash mismatch/)).toBeInTheDocument();
  });
});
