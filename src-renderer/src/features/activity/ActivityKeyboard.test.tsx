import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { makeEntries } from '../../test-utils/fake-activity-log';

const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });

/** The id of the row marked as the keyboard selection. */
const current = () =>
  within(screen.getByRole('table', { name: 'Activity log entries' }))
    .getAllByRole('row')
    .find((row) => row.getAttribute('aria-current') === 'true')
    ?.getAttribute('data-entry-id');

// Ids 6…1, newest first; 5 and 2 failed.
const entries = makeEntries(6, (id) => (id === 5 || id === 2 ? 'failure' : 'success'));

describe('keyboard shortcuts', () => {
  it('move the selection with j/k, open it with Enter and close it with Esc', async () => {
    const { params } = renderActivityApp({ entries });
    await screen.findByText('6 entries');

    press('j');
    await waitFor(() => expect(current()).toBe('6'));
    press('j');
    press('j');
    await waitFor(() => expect(current()).toBe('4'));
    press('k');
    await waitFor(() => expect(current()).toBe('5'));

    press('Enter');
    expect(await screen.findByRole('dialog', { name: 'Entry #5' })).toBeInTheDocument();
    expect(params().get('entry')).toBe('5');
    // With the drawer open, moving the selection shows the next entry in it.
    press('j');
    expect(await screen.findByRole('dialog', { name: 'Entry #4' })).toBeInTheDocument();

    press('Escape');
    await waitFor(() => expect(params().get('entry')).toBeNull());
    expect(current()).toBe('4');
  });

  it('jump between failures with n and N', async () => {
    renderActivityApp({ entries });
    await screen.findByText('6 entries');
    press('n');
    await waitFor(() => expect(current()).toBe('5'));
    press('n');
    await waitFor(() => expect(current()).toBe('2'));
    press('n');
    expect(await screen.findByText('No older failure in these results.')).toBeInTheDocument();
    expect(current()).toBe('2');
    press('N');
    await waitFor(() => expect(current()).toBe('5'));
  });

  it('focus the search with / and stay out of the way while typing', async () => {
    const { params } = renderActivityApp({ entries });
    await screen.findByText('6 entries');
    const box = screen.getByRole('searchbox', { name: 'Search' });

    press('/');
    expect(box).toHaveFocus();
    press('j', box);
    press('n', box);
    press('?', box);
    expect(current()).toBeUndefined();
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    press('Enter', box);
    expect(params().get('entry')).toBeNull();
  });

  it('list themselves with ? or the Keyboard shortcuts button', async () => {
    renderActivityApp({ entries });
    await screen.findByText('6 entries');
    press('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('table', { name: 'Keyboard shortcuts' })).toHaveTextContent(
      'Jump to the next failure',
    );
    // Shortcuts rest while the help is open.
    press('j');
    expect(current()).toBeUndefined();
    fireEvent.click(within(help).getByRole('button', { name: 'Close keyboard shortcuts' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});

describe('next / previous failure buttons', () => {
  it('load more results to reach the next failure', async () => {
    // 250 entries, the only failure is #20 (on the third page of 100).
    const { transport } = renderActivityApp({
      entries: makeEntries(250, (id) => (id === 20 ? 'failure' : 'success')),
    });
    await screen.findByText('250 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Next failure' }));

    await waitFor(() => expect(current()).toBe('20'), { timeout: 5000 });
    // One look-up of where the failure is, then the pages up to it.
    expect(transport.inputsOf('activity.search').slice(1)).toEqual([
      { filter: { outcomes: ['failure'] }, limit: 1, cursor: 151 },
      { filter: {}, limit: 100, cursor: 151 },
      { filter: {}, limit: 100, cursor: 51 },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Previous failure' }));
    expect(await screen.findByText('No newer failure above.')).toBeInTheDocument();
  });

  it('say so when there is no failure at all', async () => {
    renderActivityApp({ entries: makeEntries(150) });
    await screen.findByText('150 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Next failure' }));
    expect(await screen.findByText('No older failure in these results.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Open entry/ })).toHaveLength(100);
  });
});
