import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Out } from '@contract/api';
import type { Result } from '@contract/errors';
import type { DownloadOutcome, Transport } from '../../api/transport';
import {
  createFakeTransport,
  type FakeDownload,
  type FakeTransport,
} from '../../test-utils/fake-transport';
import { renderApp } from '../../test-utils/render';
import { SETTINGS, plan, staffUser } from '../../test-utils/office-fixtures';

/** `tasks.cancel` as the core answers it for a running export. */
const cancelled = ({ taskId }: { taskId: string }): Out<'tasks.cancel'> => ({
  taskId,
  task: 'clients.export',
  startedBy: 'tech',
  startedAt: 0,
  done: 0,
  total: 0,
  cancellable: true,
});

const render = (download: FakeDownload, kind: Transport['kind'], onCancel = () => {}) => {
  const transport = createFakeTransport(
    {
      'auth.status': () => ({ setupRequired: false, user: staffUser('technician') }),
      'settings.get': () => SETTINGS,
      'plans.list': () => [plan(1)],
      'clients.routers': () => [],
      'clients.list': () => ({ items: [], nextCursor: null, total: { count: 0, capped: false } }),
      'tasks.cancel': (input) => {
        onCancel();
        return cancelled(input);
      },
    },
    download,
    kind,
  );
  renderApp(transport, '/clients');
  return transport;
};

/** The task id the button gave its (last) export. */
const taskIdOf = (transport: FakeTransport): string => {
  const input = transport.downloads.at(-1)?.input as { taskId?: string } | undefined;
  return input?.taskId ?? '';
};

describe('Clients CSV export', () => {
  it('shows its own task’s progress in Electron, and Cancel stops that task', async () => {
    let endAsCancelled = () => {};
    const transport = render(
      () =>
        new Promise<Result<DownloadOutcome>>((done) => {
          // Ends as the core ends a cancelled export.
          endAsCancelled = () =>
            done({
              ok: false,
              error: { code: 'conflict', message: 'The clients export was cancelled.' },
            });
        }),
      'ipc',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export clients CSV' }));
    await waitFor(() => expect(transport.downloads).toHaveLength(1));
    const taskId = taskIdOf(transport);
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);

    act(() => {
      // Another export of this session's is not this one.
      transport.emit('task.progress', {
        taskId: 'someone-else',
        task: 'clients.export',
        done: 9,
        total: 9,
      });
      transport.emit('task.progress', {
        taskId,
        task: 'clients.export',
        done: 1_000,
        total: 2_500,
      });
    });
    expect(await screen.findByText('Exporting clients: 1,000 of 2,500')).toBeVisible();
    expect(screen.queryByText(/9 of 9/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel export' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    act(() => endAsCancelled());
    expect(await screen.findByText('Clients export cancelled')).toBeInTheDocument();
    expect(screen.queryByText('Export failed')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel export' })).not.toBeInTheDocument();
  });

  it('in the browser, Cancel stops the task in the core, then drops the transfer', async () => {
    const order: string[] = [];
    const transport = render(
      (_name, _input, options) =>
        new Promise((done) => {
          options.signal?.addEventListener('abort', () => {
            order.push('transfer dropped');
            done({ ok: true, value: { kind: 'cancelled' } });
          });
        }),
      'http',
      () => order.push('task cancelled'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Export clients CSV' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel export' }));
    expect(await screen.findByText('Clients export cancelled')).toBeInTheDocument();
    expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId: taskIdOf(transport) }]);
    expect(order).toEqual(['task cancelled', 'transfer dropped']);
    expect(screen.queryByText('Export complete')).not.toBeInTheDocument();
  });
});
