import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Out } from '@contract/api';
import type { Result } from '@contract/errors';
import type { DownloadOptions, DownloadOutcome } from '../../api/transport';
import { renderActivityApp } from '../../test-utils/activity-app';
import { makeEntries } from '../../test-utils/fake-activity-log';
import { fakeError, type FakeError, type FakeTransport } from '../../test-utils/fake-transport';

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((ok) => {
    resolve = ok;
  });
  return { promise, resolve };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** The task id the screen gave its (last) export. */
const taskIdOf = (transport: FakeTransport): string => {
  const input = transport.downloads.at(-1)?.input as { taskId?: string } | undefined;
  return input?.taskId ?? '';
};

/** `tasks.cancel` as the core answers it for a running task. */
const cancelled = ({ taskId }: { taskId: string }): Out<'tasks.cancel'> => ({
  taskId,
  task: 'export',
  startedBy: 'ada',
  startedAt: 0,
  done: 0,
  total: 0,
  cancellable: true,
});

describe('export', () => {
  it('streams CSV with progress against the count, then saves the file', async () => {
    const finish = deferred<null>();
    const seen: DownloadOptions[] = [];
    const { transport } = renderActivityApp({
      path: '/activity?ip=10.0.',
      entries: makeEntries(3),
      download: async (_name, _input, options): Promise<Result<DownloadOutcome>> => {
        seen.push(options);
        options.onChunk?.(bytes('id,description\r\n3,"Paid, ""cash"""\r\n2,"two\r\nlines"\r\n1,'));
        await finish.promise;
        options.onChunk?.(bytes('last\r\n'));
        return { ok: true, value: { kind: 'downloaded', filename: 'activity-x.csv' } };
      },
    });
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    const panel = await screen.findByRole('status', { name: 'Export in progress' });
    await waitFor(() => expect(panel).toHaveTextContent('Exporting CSV… 2 of 3 entries'));
    expect(within(panel).getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute(
      'aria-valuenow',
      '67',
    );
    expect(transport.downloads).toEqual([
      {
        name: 'activity.export',
        input: { filter: { ip: '10.0.' }, format: 'csv', taskId: taskIdOf(transport) },
      },
    ]);
    expect(taskIdOf(transport)).toMatch(/^[0-9a-f]{32}$/);
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);

    act(() => finish.resolve(null));
    expect(await screen.findByText('CSV export complete')).toBeInTheDocument();
    expect(screen.getByText(/activity-x\.csv: 3 entries/)).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Export in progress' })).not.toBeInTheDocument();
  });

  it('offers NDJSON in the export menu, and can be cancelled in the browser', async () => {
    const { transport } = renderActivityApp({
      entries: makeEntries(2),
      handlers: { 'tasks.cancel': cancelled },
      download: (_name, _input, options) =>
        new Promise((done) => {
          options.signal?.addEventListener('abort', () =>
            done({ ok: true, value: { kind: 'cancelled' } }),
          );
        }),
    });
    await screen.findByText('2 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export formats' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Export NDJSON' }));

    expect(await screen.findByText(/Exporting NDJSON… 0 of 2 entries/)).toBeInTheDocument();
    expect(transport.downloads.at(-1)?.input).toEqual({
      filter: {},
      format: 'ndjson',
      taskId: taskIdOf(transport),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await waitFor(() =>
      expect(screen.queryByRole('status', { name: 'Export in progress' })).not.toBeInTheDocument(),
    );
    // The core is told first (it stops the task and logs it), then the transfer is dropped.
    expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId: taskIdOf(transport) }]);
    expect(screen.queryByText('NDJSON export complete')).not.toBeInTheDocument();
  });

  it('follows its own task.progress events in Electron, and cancels its task', async () => {
    const { transport } = renderActivityApp({
      kind: 'ipc',
      entries: makeEntries(4),
      handlers: { 'tasks.cancel': cancelled },
      // Ends as the core ends a cancelled export.
      download: () =>
        new Promise((done) => {
          cancelledExport = () =>
            done({ ok: false, error: { code: 'conflict', message: 'The export was cancelled.' } });
        }),
    });
    let cancelledExport = () => {};
    await screen.findByText('4 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByRole('status', { name: 'Export in progress' });
    const taskId = taskIdOf(transport);

    // Another export (another window, or another of this session's tasks) is not this one.
    act(() =>
      transport.emit('task.progress', { taskId: 'other', task: 'export', done: 9, total: 9 }),
    );
    act(() => transport.emit('task.progress', { taskId, task: 'export', done: 3, total: 4 }));
    expect(await screen.findByText('Exporting CSV… 3 of 4 entries')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    act(() => cancelledExport());
    expect(await screen.findByText('CSV export cancelled')).toBeInTheDocument();
    expect(screen.queryByText('Export failed')).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Export in progress' })).not.toBeInTheDocument();
  });

  it('saves in Electron when its task ends', async () => {
    const finish = deferred<null>();
    const { transport } = renderActivityApp({
      kind: 'ipc',
      entries: makeEntries(4),
      download: async () => {
        await finish.promise;
        return { ok: true, value: { kind: 'saved', path: '/home/ada/log.csv' } };
      },
    });
    await screen.findByText('4 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByRole('status', { name: 'Export in progress' });
    act(() =>
      transport.emit('task.progress', {
        taskId: taskIdOf(transport),
        task: 'export',
        done: 4,
        total: 4,
      }),
    );
    expect(await screen.findByText('Exporting CSV… 4 of 4 entries')).toBeInTheDocument();
    act(() => finish.resolve(null));
    expect(await screen.findByText('Saved to /home/ada/log.csv')).toBeInTheDocument();
  });
});

describe('verify integrity', () => {
  it('shows progress from task.progress and links the first bad entry', async () => {
    const result = deferred<Out<'activity.verify'>>();
    const { transport, params } = renderActivityApp({
      entries: makeEntries(3),
      handlers: {
        'activity.verify': () => result.promise,
        'activity.get': ({ id }) => ({ ...makeEntries(60)[id - 1], id }) as Out<'activity.get'>,
      },
    });
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    expect(await screen.findByText('Verifying the hash chain…')).toBeInTheDocument();

    const [input] = transport.inputsOf('activity.verify');
    const taskId = input?.taskId ?? '';
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);
    act(() =>
      transport.emit('task.progress', { taskId: 'other', task: 'verify', done: 1, total: 120 }),
    );
    act(() => transport.emit('task.progress', { taskId, task: 'verify', done: 60, total: 120 }));
    const bar = await screen.findByRole('progressbar', { name: 'Verification progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '50'));
    expect(
      screen.getByText('Verifying the hash chain… 60 of 120 entries checked'),
    ).toBeInTheDocument();

    act(() => result.resolve({ ok: false, checked: 57, firstBadId: 57, reason: 'hash mismatch' }));
    expect(await screen.findByText('Integrity check failed')).toBeInTheDocument();
    expect(screen.getByText(/The first bad entry is #57\. hash mismatch/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show entry #57' }));
    expect(await screen.findByRole('dialog', { name: 'Entry #57' })).toBeInTheDocument();
    expect(params().get('entry')).toBe('57');
    expect(transport.inputsOf('activity.verify')).toEqual([{ taskId }]);
  });

  it('cancels the running check', async () => {
    let cancelCheck = () => {};
    const { transport } = renderActivityApp({
      entries: makeEntries(3),
      handlers: {
        'tasks.cancel': cancelled,
        'activity.verify': () =>
          new Promise<FakeError>((done) => {
            cancelCheck = () => done(fakeError('conflict', 'The integrity check was cancelled.'));
          }),
      },
    });
    await screen.findByText('3 entries');
    fireEvent.click(screen.getByRole('button', { name: 'Verify integrity' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel check' }));
    const taskId = transport.inputsOf('activity.verify')[0]?.taskId;
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    act(() => cancelCheck());
    expect(await screen.findByText('Integrity check cancelled')).toBeInTheDocument();
    expect(screen.queryByText('Could not verify the log')).not.toBeInTheDocument();
  });
});
