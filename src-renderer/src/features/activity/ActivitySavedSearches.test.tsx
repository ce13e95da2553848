import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Out } from '@contract/api';
import { renderActivityApp } from '../../test-utils/activity-app';
import { fakeError } from '../../test-utils/fake-transport';
import { makeEntries } from '../../test-utils/fake-activity-log';
import { recentStorageKey } from './recent-searches';

type Saved = Out<'searches.list'>[number];

/** Saved searches kept by the fake server, per the calls it receives. */
function savedSearches(initial: Saved[] = []) {
  let list = [...initial];
  let next = 100;
  return {
    'searches.list': () => list,
    'searches.save': ({ name, filter }: { name: string; filter: Saved['filter'] }) => {
      if (list.some((s) => s.name === name.trim())) {
        return fakeError('conflict', 'A saved search with that name already exists.');
      }
      const saved = { id: next++, name: name.trim(), filter, createdAt: 1 };
      list = [...list, saved];
      return saved;
    },
    'searches.delete': ({ id }: { id: number }) => {
      list = list.filter((s) => s.id !== id);
      return null;
    },
  };
}

const openMenu = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Saved searches' }));
  return screen.findByRole('dialog', { name: 'Saved searches' });
};

afterEach(() => window.localStorage.clear());

describe('saved searches', () => {
  it('saves the current filter under a name, applies it later and deletes it', async () => {
    const { transport, params, lastInput } = renderActivityApp({
      path: '/activity?q=reboot&outcome=failure',
      entries: makeEntries(3),
      handlers: savedSearches(),
    });
    await screen.findByTestId('activity-count');

    let menu = await openMenu();
    expect(await within(menu).findByText('No saved searches yet.')).toBeInTheDocument();
    fireEvent.click(within(menu).getByRole('button', { name: 'Save current search…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save search' });
    expect(within(dialog).getByText('"reboot" · Failure')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText(/Name/), {
      target: { value: 'Failed reboots' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save search' }));
    await waitFor(() =>
      expect(transport.inputsOf('searches.save')).toEqual([
        { name: 'Failed reboots', filter: { text: 'reboot', outcomes: ['failure'] } },
      ]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Save search' })).not.toBeInTheDocument(),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(lastInput('activity.search')?.filter).toEqual({}));

    menu = await openMenu();
    fireEvent.click(
      await within(menu).findByRole('button', { name: 'Apply saved search Failed reboots' }),
    );
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({
        text: 'reboot',
        outcomes: ['failure'],
      }),
    );
    expect(params().get('q')).toBe('reboot');
    expect(params().get('outcome')).toBe('failure');

    menu = await openMenu();
    fireEvent.click(
      within(menu).getByRole('button', { name: 'Delete saved search Failed reboots' }),
    );
    await waitFor(() => expect(transport.inputsOf('searches.delete')).toEqual([{ id: 100 }]));
    expect(await within(menu).findByText('No saved searches yet.')).toBeInTheDocument();
  });

  it("shows the server's reason when a search cannot be saved", async () => {
    renderActivityApp({
      path: '/activity?q=x',
      handlers: savedSearches([{ id: 1, name: 'Mine', filter: { text: 'x' }, createdAt: 1 }]),
    });
    const menu = await openMenu();
    fireEvent.click(within(menu).getByRole('button', { name: 'Save current search…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save search' });
    fireEvent.change(within(dialog).getByLabelText(/Name/), { target: { value: 'Mine' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save search' }));
    expect(
      await within(dialog).findByText('A saved search with that name already exists.'),
    ).toBeInTheDocument();
  });
});

describe('recent searches', () => {
  it("lists this staff member's recent filters and applies one", async () => {
    window.localStorage.setItem(
      recentStorageKey(1),
      JSON.stringify(['q=reboot&range=7d', 'ip=10.0.0.7']),
    );
    window.localStorage.setItem(recentStorageKey(2), JSON.stringify(['q=someone-else']));
    const { params, lastInput } = renderActivityApp({ entries: makeEntries(2) });
    const menu = await openMenu();
    const list = within(menu).getByRole('list', { name: 'Recent searches' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Apply recent search: "reboot" · Last 7 days', 'Apply recent search: IP 10.0.0.7']);
    fireEvent.click(within(list).getByRole('button', { name: /"reboot"/ }));
    await waitFor(() => expect(lastInput('activity.search')?.filter.text).toBe('reboot'));
    expect(params().get('range')).toBe('7d');
  });
});
