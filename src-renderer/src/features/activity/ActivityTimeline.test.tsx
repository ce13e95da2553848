import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeLog } from '../../test-utils/fake-activity-log';
import { createFakeTransport } from '../../test-utils/fake-transport';
import { activityEntry } from '../../test-utils/fixtures';
import { renderWithProviders } from '../../test-utils/render';
import { ActivityTimeline } from './ActivityTimeline';

/** 30 entries for client 42 (every other one) among 60. */
const log = () =>
  createFakeLog(
    Array.from({ length: 60 }, (_, i) =>
      activityEntry(i + 1, {
        clientId: (i + 1) % 2 === 0 ? 42 : 7,
        description:
          (i + 1) % 4 === 0 ? `Paid renewal #${String(i + 1)}` : `Note #${String(i + 1)}`,
      }),
    ),
  );

describe('ActivityTimeline', () => {
  it('shows only the fixed filter, compact, with its own search and load more', async () => {
    const transport = createFakeTransport(log().handlers());
    renderWithProviders(
      <ActivityTimeline filter={{ clientId: 42 }} title="Client activity" pageSize={10} />,
      transport,
    );
    const table = await screen.findByRole('table', { name: 'Client activity entries' });
    expect(screen.getByText('30 entries')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(11);
    expect(within(table).queryByRole('columnheader', { name: 'IP' })).not.toBeInTheDocument();
    expect(transport.inputsOf('activity.search')).toEqual([
      { filter: { clientId: 42 }, limit: 10 },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(21));
    expect(transport.inputsOf('activity.search').at(-1)).toEqual({
      filter: { clientId: 42 },
      limit: 10,
      cursor: 42,
    });

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search client activity' }), {
      target: { value: 'renewal' },
    });
    await waitFor(() =>
      expect(transport.inputsOf('activity.search').at(-1)).toEqual({
        filter: { text: 'renewal', clientId: 42 },
        limit: 10,
      }),
    );
    expect(await screen.findByText('15 entries')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in activity log' })).toHaveAttribute(
      'href',
      '#/activity?q=renewal&client=42',
    );
  });

  it('opens an entry in its own drawer', async () => {
    const transport = createFakeTransport(log().handlers());
    renderWithProviders(<ActivityTimeline filter={{ routerId: 3 }} />, transport);
    expect(await screen.findByText('No activity yet.')).toBeInTheDocument();
    expect(transport.inputsOf('activity.search')[0]?.filter).toEqual({ routerId: 3 });

    const withRouter = createFakeTransport(
      createFakeLog([activityEntry(5, { routerId: 3 })]).handlers(),
    );
    renderWithProviders(
      <ActivityTimeline filter={{ routerId: 3 }} title="Router log" />,
      withRouter,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Open entry 5' }));
    expect(await screen.findByRole('dialog', { name: 'Entry #5' })).toBeInTheDocument();
  });
});
