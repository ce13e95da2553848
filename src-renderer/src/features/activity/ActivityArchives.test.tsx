import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Out } from '@contract/api';
import { renderActivityApp } from '../../test-utils/activity-app';
import { createFakeLog, makeEntries } from '../../test-utils/fake-activity-log';
import { activityEntry, adminUser } from '../../test-utils/fixtures';
import { staffUser } from '../../test-utils/office-fixtures';
import { fakeError, type FakeError } from '../../test-utils/fake-transport';
import { localDayStart } from './filter-params';
import { officeClock } from '../../lib/office-time';

const ARCHIVE = 'activity-1-500.db';
const archives: Out<'activity.archives'> = [
  { name: ARCHIVE, firstId: 1, lastId: 500, sizeBytes: 2 * 1024 * 1024, createdAt: 1 },
];

describe('archives', () => {
  it('open read-only: search, histogram, counts, verify and export all use the archive', async () => {
    const archived = createFakeLog([activityEntry(7, { description: 'Archived sign-in' })]);
    const { transport, params, lastInput } = renderActivityApp({
      entries: makeEntries(3),
      handlers: {
        'activity.archives': () => archives,
        'activity.search': (input) =>
          input.archive === ARCHIVE
            ? archived.search(input)
            : { ...archived.search({ filter: { text: 'none' } }) },
        'activity.get': ({ id }) => ({ ...activityEntry(id), description: 'From the archive' }),
        'activity.verify': () => ({ ok: true, checked: 500, firstBadId: null, reason: null }),
      },
      download: () => ({ ok: true, value: { kind: 'cancelled' } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Archives' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activity archives' });
    expect(await within(dialog).findByRole('table', { name: 'Archives' })).toHaveTextContent(
      '500 (#1–#500)',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: `Open archive ${ARCHIVE}` }));

    expect(await screen.findByText(`Reviewing archive ${ARCHIVE} (read-only)`)).toBeInTheDocument();
    expect(params().get('archive')).toBe(ARCHIVE);
    expect(await screen.findByText('Archived sign-in')).toBeInTheDocument();
    expect(lastInput('activity.search')).toMatchObject({ archive: ARCHIVE });
    await waitFor(() =>
      expect(lastInput('activity.histogram')).toMatchObject({ archive: ARCHIVE }),
    );
    expect(lastInput('activity.facets')).toMatchObject({ archive: ARCHIVE });
    // An archive never grows: no live tail.
    expect(screen.queryByRole('switch', { name: 'Live tail' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    expect(
      await screen.findByText(`Archive ${ARCHIVE}: 500 entries checked; the hash chain is intact.`),
    ).toBeInTheDocument();
    expect(lastInput('activity.verify')).toMatchObject({ archive: ARCHIVE });

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(transport.downloads.at(-1)?.input).toMatchObject({
        filter: {},
        format: 'csv',
        archive: ARCHIVE,
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Open entry 7' }));
    await screen.findByRole('dialog', { name: 'Entry #7' });

    fireEvent.click(screen.getByRole('button', { name: 'Close entry details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back to the live log' }));
    await waitFor(() => expect(params().get('archive')).toBeNull());
    expect(screen.queryByText(/Reviewing archive/)).not.toBeInTheDocument();
    await waitFor(() => expect(lastInput('activity.search')?.archive).toBeUndefined());
  });

  it('fetch an entry that is not loaded from the archive it belongs to', async () => {
    const { lastInput } = renderActivityApp({
      path: `/activity?archive=${ARCHIVE}&entry=42`,
      handlers: {
        'activity.get': ({ id }) => ({ ...activityEntry(id), description: 'Old entry' }),
      },
    });
    const drawer = await screen.findByRole('dialog', { name: 'Entry #42' });
    expect(await within(drawer).findByText('Old entry')).toBeInTheDocument();
    expect(lastInput('activity.get')).toEqual({ id: 42, archive: ARCHIVE });
  });

  it('ignore an archive name that is not one', async () => {
    const { lastInput } = renderActivityApp({ path: '/activity?archive=../../etc/passwd' });
    await screen.findByText('The activity log is empty.');
    expect(lastInput('activity.search')?.archive).toBeUndefined();
    expect(screen.queryByText(/Reviewing archive/)).not.toBeInTheDocument();
  });

  it('show the archive run with its own progress, and say why it cannot be cancelled once removing', async () => {
    let refuse = true;
    let endRun = () => {};
    const { transport } = renderActivityApp({
      user: adminUser(),
      handlers: {
        'activity.archives': () => [],
        'activity.archive': () =>
          new Promise<FakeError>((done) => {
            endRun = () => done(fakeError('conflict', 'The archive was cancelled.'));
          }),
        'tasks.cancel': ({ taskId }) => {
          if (refuse) {
            return fakeError(
              'conflict',
              'The archive is made and its entries are being removed; this goes on to the end.',
            );
          }
          // As the core: the run has stopped by the time the cancel answers.
          endRun();
          const view = { taskId, startedBy: 'admin', startedAt: 0, done: 30, total: 120 };
          return { ...view, task: 'archive' as const, cancellable: true };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Archives' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activity archives' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Archive older entries…' }));
    const form = await screen.findByRole('dialog', { name: 'Archive older entries' });
    fireEvent.change(within(form).getByLabelText(/Archive entries recorded before/), {
      target: { value: '2025-01-01' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Continue' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Archive entries' }));

    const panel = await within(form).findByRole('status', { name: 'Archiving older entries…' });
    const taskId = transport.inputsOf('activity.archive')[0]?.taskId ?? '';
    act(() =>
      transport.emit('task.progress', { taskId: 'other', task: 'archive', done: 9, total: 9 }),
    );
    act(() => transport.emit('task.progress', { taskId, task: 'archive', done: 30, total: 120 }));
    const bar = within(panel).getByRole('progressbar', {
      name: 'Archiving older entries… progress',
    });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '25'));

    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel archive' }));
    expect(await screen.findByText(/this goes on to the end/)).toBeInTheDocument();
    refuse = false;
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel archive' }));
    expect(await within(form).findByText('The archive was cancelled.')).toBeInTheDocument();
    expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }, { taskId }]);
  });

  it('let an administrator archive older entries after a confirmation, and open the result', async () => {
    const { transport, params } = renderActivityApp({
      user: adminUser(), // archiving needs activity.retention: administrators only
      handlers: {
        'activity.archives': () => [],
        'activity.archive': ({ before }) => ({
          file: `activity-1-${String(before > 0 ? 120 : 0)}.db`,
          firstId: 1,
          lastId: 120,
          entries: 120,
        }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Archives' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activity archives' });
    expect(await within(dialog).findByText(/No archives yet/)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive older entries…' }));

    const form = await screen.findByRole('dialog', { name: 'Archive older entries' });
    const continueButton = within(form).getByRole('button', { name: 'Continue' });
    expect(continueButton).toBeDisabled();
    fireEvent.change(within(form).getByLabelText(/Archive entries recorded before/), {
      target: { value: '2025-01-01' },
    });
    fireEvent.click(continueButton);
    expect(
      within(form).getByText(/removed from the live log, in one step that is itself logged/),
    ).toBeInTheDocument();
    expect(transport.inputsOf('activity.archive')).toEqual([]);
    fireEvent.click(within(form).getByRole('button', { name: 'Archive entries' }));

    await waitFor(() => expect(transport.inputsOf('activity.archive')).toHaveLength(1));
    const [input] = transport.inputsOf('activity.archive');
    expect(input?.before).toBe(localDayStart('2025-01-01', officeClock('UTC')));
    expect(input?.taskId).toMatch(/^[0-9a-f]{32}$/);
    expect(
      await within(form).findByText(
        '120 entries (#1–#120) moved into activity-1-120.db and removed from the live log.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Open the archive' }));
    await waitFor(() => expect(params().get('archive')).toBe('activity-1-120.db'));
  });

  it('do not offer archiving to staff without the retention permission (a viewer)', async () => {
    renderActivityApp({
      user: staffUser('viewer'),
      handlers: { 'activity.archives': () => archives },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Archives' }));
    const dialog = await screen.findByRole('dialog', { name: 'Activity archives' });
    await within(dialog).findByRole('table', { name: 'Archives' });
    expect(within(dialog).getByRole('button', { name: 'Export checkpoints' })).toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Archive older entries…' }),
    ).not.toBeInTheDocument();
  });
});

describe('pivots from an entry', () => {
  it('replace the filter with one of the entry fields, in the URL', async () => {
    const entry = activityEntry(3, { routerId: 9, ip: '10.0.0.9', correlationId: 'req-77' });
    const { params, lastInput } = renderActivityApp({
      path: '/activity?q=client&type=user',
      entries: [activityEntry(1), activityEntry(2), entry],
    });
    const pivot = async (name: string) => {
      fireEvent.click(await screen.findByRole('button', { name: 'Open entry 3' }));
      const drawer = await screen.findByRole('dialog', { name: 'Entry #3' });
      fireEvent.click(within(drawer).getByRole('button', { name }));
      await waitFor(() => expect(params().get('entry')).toBeNull());
    };

    await pivot('Everything for this client');
    await waitFor(() => expect(lastInput('activity.search')?.filter).toEqual({ clientId: 42 }));
    expect(params().toString()).toBe('client=42');

    await pivot('Everything for this router');
    expect(params().toString()).toBe('router=9');

    await pivot('Everything with this correlation id');
    expect(params().toString()).toBe('correlation=req-77');
    await waitFor(() =>
      expect(lastInput('activity.search')?.filter).toEqual({ correlationId: 'req-77' }),
    );

    await pivot('Everything from this IP');
    expect(params().toString()).toBe('ip=10.0.0.9');

    await pivot('Everything by this staff member');
    expect(params().toString()).toBe('staff=2');
    expect(await screen.findByText('3 entries')).toBeInTheDocument();
  });
});
