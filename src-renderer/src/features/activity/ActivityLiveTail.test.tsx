import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderActivityApp } from '../../test-utils/activity-app';
import { makeEntries, recordedNotice } from '../../test-utils/fake-activity-log';

const rows = () =>
  within(screen.getByRole('table', { name: 'Activity log entries' }))
    .getAllByRole('row')
    .slice(1);

/** Scrolls the window as the user would (jsdom has no layout, so the offset is set directly). */
const scrollTo = (y: number) =>
  act(() => {
    Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
    window.dispatchEvent(new Event('scroll'));
  });

afterEach(() => {
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});

async function startLive(size = 3) {
  const app = renderActivityApp({ entries: makeEntries(size) });
  await screen.findByText(`${String(size)} entries`);
  fireEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
  expect(await screen.findByText('Live')).toBeInTheDocument();
  return app;
}

describe('live tail', () => {
  it('puts entries at the top as they are recorded, without reloading the results', async () => {
    const { transport, log } = await startLive(150);
    expect(rows()).toHaveLength(100);
    const searches = transport.inputsOf('activity.search').length;

    log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(151, 1)));

    await waitFor(() => expect(rows()[0]).toHaveTextContent('Recorded entry #151'));
    expect(rows()[1]).toHaveTextContent('Updated client #150');
    // One fetch of the newest page; the 100 rows already loaded stayed (101 now).
    expect(transport.inputsOf('activity.search').slice(searches)).toEqual([
      { filter: {}, limit: 100 },
    ]);
    expect(rows()).toHaveLength(101);
    expect(screen.getByText('151 entries')).toBeInTheDocument();
    // "Load more" carries on from where it was.
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(151));
  });

  it('pauses while scrolled away from the top, counts what arrives, and resumes', async () => {
    const { transport, log } = await startLive();
    scrollTo(800);
    expect(screen.queryByText('Live')).not.toBeInTheDocument();

    log.record();
    log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(5, 2)));

    expect(await screen.findByText('Paused — 2 new')).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent('Updated client #3');

    fireEvent.click(screen.getByRole('button', { name: 'Resume live tail' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Recorded entry #5'));
    expect(rows()[1]).toHaveTextContent('Recorded entry #4');
  });

  it('catches up by itself when the user scrolls back to the top', async () => {
    const { transport, log } = await startLive();
    scrollTo(800);
    log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(4, 1)));
    await screen.findByText('Paused — 1 new');

    scrollTo(0);
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Recorded entry #4'));
    expect(await screen.findByText('Live')).toBeInTheDocument();
  });

  it('pauses while an entry is open in the drawer', async () => {
    const { transport, log } = await startLive();
    fireEvent.click(screen.getByRole('button', { name: 'Open entry 2' }));
    await screen.findByRole('dialog', { name: 'Entry #2' });

    log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(4, 1)));
    expect(await screen.findByText('Paused — 1 new')).toBeInTheDocument();
    expect(rows()[0]).toHaveTextContent('Updated client #3');

    fireEvent.click(screen.getByRole('button', { name: 'Close entry details' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Recorded entry #4'));
  });

  it('reloads from the top when more arrived than one page holds', async () => {
    const { transport, log } = await startLive(2);
    for (let i = 0; i < 120; i++) log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(122, 120)));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Recorded entry #122'));
    await waitFor(() => expect(rows()).toHaveLength(100));
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
  });

  it('is off by default: new entries are only offered', async () => {
    const { transport, log } = renderActivityApp({ entries: makeEntries(3) });
    await screen.findByText('3 entries');
    const searches = transport.inputsOf('activity.search').length;
    log.record();
    act(() => transport.emit('activity.recorded', recordedNotice(4, 1)));
    expect(await screen.findByRole('button', { name: 'Show 1 new entry' })).toBeInTheDocument();
    expect(transport.inputsOf('activity.search')).toHaveLength(searches);
    expect(rows()[0]).toHaveTextContent('Updated client #3');
  });

  it('counts only the new entries the whole filter shows, asking the log when a notice cannot tell', async () => {
    const { transport, log } = renderActivityApp({
      entries: makeEntries(3),
      path: '/activity?q=reboot',
    });
    // The fake log's entries 1–3 do not mention a reboot.
    await screen.findByText('No entries match these filters.');
    log.record({ description: 'Router Tower 2 rebooted (reboot requested)' });
    log.record({ description: 'Payment received' });
    log.record({ description: 'Router Tower 3 reboot scheduled' });
    act(() => transport.emit('activity.recorded', recordedNotice(6, 3)));
    expect(await screen.findByRole('button', { name: 'Show 2 new entries' })).toBeInTheDocument();
    expect(transport.inputsOf('activity.countAfter').at(-1)).toEqual({
      filter: { text: 'reboot' },
      afterId: 0,
    });
  });

  it('while paused, counts only what the filter shows', async () => {
    const { transport, log } = renderActivityApp({
      entries: makeEntries(3),
      path: '/activity?outcome=failure',
    });
    log.record({ outcome: 'failure' });
    await screen.findByText('1 entry');
    fireEvent.click(screen.getByRole('switch', { name: 'Live tail' }));
    expect(await screen.findByText('Live')).toBeInTheDocument();
    scrollTo(800);
    log.record({ outcome: 'success' });
    log.record({ outcome: 'failure' });
    log.record({ outcome: 'success' });
    act(() => transport.emit('activity.recorded', recordedNotice(7, 3)));
    expect(await screen.findByText('Paused — 1 new')).toBeInTheDocument();
    expect(transport.inputsOf('activity.countAfter').at(-1)).toEqual({
      filter: { outcomes: ['failure'] },
      afterId: 4,
    });
  });
});
