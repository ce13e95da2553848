import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Out } from '@contract/api';
import type { ImportPreview, ImportResult } from '@contract/schemas/clients';
import { createFakeTransport, fakeError } from '../../test-utils/fake-transport';
import type { FakeHandlers } from '../../test-utils/fake-transport';
import { renderWithProviders } from '../../test-utils/render';
import { ImportClientsModal } from './ImportClientsModal';

const CSV = 'full_name,phone,service_type,login,password,plan,shoe_size\nA,1,pppoe,a,pw,Home,42\n';

const PREVIEW: ImportPreview = {
  rows: 5,
  accepted: 2,
  rejected: [
    { line: 3, errors: ['plan: No plan "Gold 1G"'] },
    {
      line: 5,
      errors: [
        'serviceLogin: The service login "baraka" is already used by another client',
        'staticIp: Static IP must be an IPv4 address',
      ],
    },
    { line: 6, errors: ['Row has 5 fields, the header has 7'] },
  ],
  ignoredColumns: ['shoe_size'],
};

/** `tasks.cancel` as the core answers it for a running import task. */
const cancelledTask = ({ taskId }: { taskId: string }): Out<'tasks.cancel'> => ({
  taskId,
  task: 'clients.import',
  startedBy: 'tech',
  startedAt: 0,
  done: 0,
  total: 0,
  cancellable: true,
});

function renderImport(handlers: FakeHandlers) {
  const transport = createFakeTransport(handlers);
  const onImported = vi.fn();
  const view = renderWithProviders(
    <ImportClientsModal opened onClose={() => undefined} onImported={onImported} />,
    transport,
  );
  const pick = (text: string, name = 'clients.csv') => {
    const input = view.baseElement.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
  };
  return { transport, onImported, pick };
}

describe('CSV import', () => {
  it('lists every rejected row with all its reasons before anything is written', async () => {
    const { transport, pick } = renderImport({
      'clients.importPreview': () => PREVIEW,
    });
    pick(CSV);
    expect(await screen.findByTestId('import-summary')).toHaveTextContent(
      '5 rows checked: 2 clients can be imported, 3 rows rejected.',
    );
    const table = screen.getByRole('table', { name: 'Rejected rows' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual([
      '3',
      '5',
      '6',
    ]);
    expect(rows[0]).toHaveTextContent('plan: No plan "Gold 1G"');
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'serviceLogin: The service login "baraka" is already used by another client',
      'staticIp: Static IP must be an IPv4 address',
    ]);
    expect(rows[2]).toHaveTextContent('Row has 5 fields, the header has 7');
    expect(screen.getByText('shoe_size')).toBeVisible();
    expect(transport.inputsOf('clients.importPreview')).toEqual([
      { csv: CSV, taskId: expect.stringMatching(/^[0-9a-f]{32}$/) as string },
    ]);
    expect(transport.inputsOf('clients.importCommit')).toEqual([]);
  });

  it('imports the accepted rows of the same file once confirmed', async () => {
    const { transport, pick, onImported } = renderImport({
      'clients.importPreview': () => PREVIEW,
      'clients.importCommit': () => ({
        ...PREVIEW,
        imported: 2,
        cancelled: false,
        firstAccountNo: 'AC000010',
        lastAccountNo: 'AC000011',
      }),
    });
    pick(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 clients' }));
    expect(
      await screen.findByText(/2 clients imported \(accounts AC000010 to AC000011\)/),
    ).toBeVisible();
    expect(transport.inputsOf('clients.importCommit')).toEqual([
      { csv: CSV, taskId: expect.stringMatching(/^[0-9a-f]{32}$/) as string },
    ]);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it('shows why a whole file is refused and offers no import', async () => {
    const { pick } = renderImport({
      'clients.importPreview': () => fakeError('validation', 'csv: Missing column(s): plan.'),
    });
    pick('full_name,phone\nA,1\n');
    expect(await screen.findByText('csv: Missing column(s): plan.')).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Import/ })).not.toBeInTheDocument();
  });

  it('does not send an empty file', async () => {
    const { transport, pick } = renderImport({ 'clients.importPreview': () => PREVIEW });
    pick('   \n');
    expect(await screen.findByText('The file is empty.')).toBeVisible();
    await waitFor(() => expect(transport.inputsOf('clients.importPreview')).toEqual([]));
  });

  it("shows its own import's progress, and no one else's", async () => {
    let finish: (r: ImportResult) => void = () => undefined;
    const { transport, pick } = renderImport({
      'clients.importPreview': () => PREVIEW,
      'clients.importCommit': () => new Promise<ImportResult>((resolve) => (finish = resolve)),
    });
    pick(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 clients' }));
    await waitFor(() => expect(transport.inputsOf('clients.importCommit')).toHaveLength(1));
    const taskId = transport.inputsOf('clients.importCommit')[0]?.taskId;
    act(() => {
      transport.emit('task.progress', {
        taskId: 'someone-else',
        task: 'clients.import',
        done: 9,
        total: 9,
      });
      transport.emit('task.progress', { taskId, task: 'clients.import', done: 1, total: 2 });
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Importing clients: 1 of 2');
    act(() =>
      finish({
        ...PREVIEW,
        imported: 1,
        cancelled: true,
        firstAccountNo: 'AC1',
        lastAccountNo: 'AC1',
      }),
    );
    expect(await screen.findByText('Import cancelled part-way')).toBeVisible();
  });

  it('cancels its check: nothing is written, and the file can be checked again', async () => {
    let endCheck = () => {};
    const { transport, pick } = renderImport({
      'clients.importPreview': () =>
        new Promise((done) => {
          // Ends as the core ends a cancelled check.
          endCheck = () => done(fakeError('conflict', 'The import check was cancelled.'));
        }),
      'tasks.cancel': cancelledTask,
    });
    pick(CSV);
    await waitFor(() => expect(transport.inputsOf('clients.importPreview')).toHaveLength(1));
    const taskId = transport.inputsOf('clients.importPreview')[0]?.taskId;
    act(() =>
      transport.emit('task.progress', { taskId, task: 'clients.check', done: 250, total: 900 }),
    );
    expect(await screen.findByText('Checking rows: 250 of 900')).toBeVisible();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel check' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    act(() => endCheck());
    expect(await screen.findByText('Check cancelled')).toBeVisible();
    expect(screen.queryByText('The file cannot be imported')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel check' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(transport.inputsOf('clients.importPreview')).toHaveLength(2));
    const again = transport.inputsOf('clients.importPreview')[1];
    expect(again?.csv).toBe(CSV);
    expect(again?.taskId).not.toBe(taskId);
  });

  it('cancels its import: the check step, then the writes, each under the import’s task id', async () => {
    let finish: (r: ImportResult) => void = () => undefined;
    const { transport, pick } = renderImport({
      'clients.importPreview': () => PREVIEW,
      'clients.importCommit': () => new Promise<ImportResult>((resolve) => (finish = resolve)),
      'tasks.cancel': cancelledTask,
    });
    pick(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 clients' }));
    await waitFor(() => expect(transport.inputsOf('clients.importCommit')).toHaveLength(1));
    const taskId = transport.inputsOf('clients.importCommit')[0]?.taskId;
    expect(taskId).not.toBe(transport.inputsOf('clients.importPreview')[0]?.taskId);
    act(() =>
      transport.emit('task.progress', { taskId, task: 'clients.check', done: 5, total: 5 }),
    );
    expect(await screen.findByText('Checking rows: 5 of 5')).toBeVisible();
    act(() =>
      transport.emit('task.progress', { taskId, task: 'clients.import', done: 1, total: 2 }),
    );
    expect(await screen.findByText('Importing clients: 1 of 2')).toBeVisible();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    // The slice being written when the cancel came stays imported.
    act(() =>
      finish({
        ...PREVIEW,
        imported: 1,
        cancelled: true,
        firstAccountNo: 'AC000010',
        lastAccountNo: 'AC000010',
      }),
    );
    expect(await screen.findByText('Import cancelled part-way')).toBeVisible();
    expect(screen.getByText(/1 client imported \(accounts AC000010 to AC000010\)/)).toBeVisible();
  });

  it('says so when the import was cancelled before it wrote anything', async () => {
    let endImport = () => {};
    const { transport, pick } = renderImport({
      'clients.importPreview': () => PREVIEW,
      'clients.importCommit': () =>
        new Promise((done) => {
          endImport = () => done(fakeError('conflict', 'The import was cancelled.'));
        }),
      'tasks.cancel': cancelledTask,
    });
    pick(CSV);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 clients' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toHaveLength(1));
    act(() => endImport());
    expect(await screen.findByText('Import cancelled')).toBeVisible();
    expect(
      screen.getByText('The import was cancelled before any client was written.'),
    ).toBeVisible();
    expect(screen.queryByText('Nothing was imported')).not.toBeInTheDocument();
    // The same file can be imported again.
    expect(screen.getByRole('button', { name: 'Import 2 clients' })).toBeEnabled();
  });
});
