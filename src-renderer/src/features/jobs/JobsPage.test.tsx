import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupSettings, Job } from '@contract/schemas/jobs';
import { createFakeTransport, fakeError, type FakeError } from '../../test-utils/fake-transport';
import { adminUser } from '../../test-utils/fixtures';
import { renderApp } from '../../test-utils/render';
import { staffUser } from '../../test-utils/office-fixtures';
import { BACKUP_SETTINGS, jobFixture } from './job-fixtures';
import { JOBS_REFRESH_MS } from './use-jobs';
import { officeSettings } from '../../test-utils/office-fixtures';

const T = Date.UTC(2030, 0, 15, 9, 0, 0);

const backupJob = (over: Partial<Job> = {}) =>
  jobFixture({ name: 'db.backup', label: 'Database backup', ...over });

const initialJobs = (): Job[] => [
  backupJob(),
  jobFixture({
    name: 'clients.expiry',
    label: 'Expiry processing',
    schedule: 'every 5 min (network settings)',
    lastRun: {
      startedAt: T,
      durationMs: 1_250,
      outcome: 'success',
      summary: '2 clients expired: 2 isolated, 0 waiting in the queue, 0 without a router',
      error: null,
      trigger: 'schedule',
      actor: null,
    },
  }),
  jobFixture({
    name: 'routers.queue',
    label: 'Router provisioning queue',
    kind: 'tick',
    consecutiveFailures: 3,
    lastRun: {
      startedAt: T,
      durationMs: 12,
      outcome: 'failure',
      summary: null,
      error: 'database is locked',
      trigger: 'schedule',
      actor: null,
    },
  }),
  jobFixture({ name: 'routers.auto_sync', label: 'Auto-sync', running: true, runningSince: T }),
];

function renderJobs(user = adminUser()) {
  let jobs = initialJobs();
  let backup: BackupSettings = BACKUP_SETTINGS;
  let finishRun: () => void = () => {};
  let cancelRun: () => void = () => {};
  const transport = createFakeTransport({
    'settings.get': () => officeSettings(),
    'auth.status': () => ({ setupRequired: false, user }),
    'jobs.list': () => jobs,
    'jobs.runNow': ({ name }) => {
      if (name === 'clients.expiry') {
        return fakeError(
          'conflict',
          '"Expiry processing" is already running; its result will show when it finishes.',
        );
      }
      return new Promise<Job | FakeError>((resolve) => {
        // As the core answers a run whose task was cancelled.
        cancelRun = () => resolve(fakeError('conflict', 'The backup was cancelled.'));
        finishRun = () => {
          const done = backupJob({
            lastRun: {
              startedAt: T,
              durationMs: 2_300,
              outcome: 'success',
              summary: 'Backup ispdesk-20300115-090000.db written (12.3 MB), 7 kept',
              error: null,
              trigger: 'staff',
              actor: 'Ada Admin',
            },
            lastSuccessAt: T,
          });
          jobs = jobs.map((j) => (j.name === name ? done : j));
          resolve(done);
        };
      });
    },
    'tasks.cancel': ({ taskId }) => {
      cancelRun();
      return {
        taskId,
        task: 'backup',
        startedBy: 'admin',
        startedAt: T,
        done: 0,
        total: 0,
        cancellable: true,
      };
    },
    'backup.settings': () => backup,
    'backup.updateSettings': (input) => {
      backup = { ...backup, ...input };
      return backup;
    },
  });
  const rendered = renderApp(transport, '/jobs');
  return { transport, finish: () => finishRun(), ...rendered };
}

const rowOf = (label: string) =>
  screen.getAllByRole('row').find((row) => within(row).queryByText(label)) as HTMLElement;

describe('Scheduled jobs screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists each job with its last run, outcome, summary or error and next run', async () => {
    renderJobs();
    const table = await screen.findByRole('table', { name: 'Scheduled jobs' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    expect(rowOf('Database backup')).toHaveTextContent('Never run');
    expect(rowOf('Database backup')).toHaveTextContent('in 2 hours');
    expect(rowOf('Expiry processing')).toHaveTextContent('took 1.3 s');
    expect(rowOf('Expiry processing')).toHaveTextContent('Success');
    expect(rowOf('Expiry processing')).toHaveTextContent('2 clients expired');
    expect(rowOf('Expiry processing')).toHaveTextContent('every 5 min (network settings)');
    expect(rowOf('Router provisioning queue')).toHaveTextContent('Failed (3× in a row)');
    expect(rowOf('Router provisioning queue')).toHaveTextContent('database is locked');
    expect(rowOf('Auto-sync')).toHaveTextContent('Running');
    expect(
      within(rowOf('Auto-sync')).getByRole('button', { name: 'Run Auto-sync now' }),
    ).toBeDisabled();
  });

  it('runs a job now: its button waits for the run, then the row shows the result', async () => {
    const { transport, finish } = renderJobs();
    const button = await screen.findByRole('button', { name: 'Run Database backup now' });
    fireEvent.click(button);
    await waitFor(() => expect(transport.inputsOf('jobs.runNow')).toHaveLength(1));
    const [input] = transport.inputsOf('jobs.runNow');
    expect(input?.name).toBe('db.backup');
    expect(input?.taskId).toMatch(/^[0-9a-f]{32}$/);
    await waitFor(() => expect(button).toBeDisabled());
    expect(screen.getByRole('status', { name: 'Backing up the database…' })).toBeInTheDocument();
    act(() => finish());
    await waitFor(() => expect(rowOf('Database backup')).toHaveTextContent('Success'));
    expect(rowOf('Database backup')).toHaveTextContent('run by Ada Admin');
    expect(rowOf('Database backup')).toHaveTextContent('written (12.3 MB), 7 kept');
    expect(await screen.findByText('Database backup completed')).toBeInTheDocument();
    expect(button).toBeEnabled();
  });

  it('cancels a backup it started: the core is told which task, and the run ends cancelled', async () => {
    const { transport } = renderJobs();
    fireEvent.click(await screen.findByRole('button', { name: 'Run Database backup now' }));
    const panel = await screen.findByRole('status', { name: 'Backing up the database…' });
    const taskId = transport.inputsOf('jobs.runNow')[0]?.taskId;
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel backup' }));
    await waitFor(() => expect(transport.inputsOf('tasks.cancel')).toEqual([{ taskId }]));
    expect(await screen.findByText('Backup cancelled')).toBeInTheDocument();
    expect(screen.queryByText('Could not run the job')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('status', { name: 'Backing up the database…' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('runs other jobs without a task id or a cancel', async () => {
    const { transport } = renderJobs();
    fireEvent.click(await screen.findByRole('button', { name: 'Run Expiry processing now' }));
    await waitFor(() =>
      expect(transport.inputsOf('jobs.runNow')).toEqual([{ name: 'clients.expiry' }]),
    );
    expect(screen.queryByRole('button', { name: 'Cancel backup' })).not.toBeInTheDocument();
  });

  it('says so when the job is already running', async () => {
    renderJobs();
    fireEvent.click(await screen.findByRole('button', { name: 'Run Expiry processing now' }));
    expect(
      await screen.findByText(
        '"Expiry processing" is already running; its result will show when it finishes.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the jobs read-only to staff who may not run them or change settings', async () => {
    renderJobs(staffUser('viewer'));
    await screen.findByRole('table', { name: 'Scheduled jobs' });
    expect(screen.queryByRole('button', { name: /Run .* now/ })).not.toBeInTheDocument();
    const form = await screen.findByRole('form', { name: 'Backup settings' });
    expect(
      within(form).queryByRole('button', { name: 'Save backup settings' }),
    ).not.toBeInTheDocument();
    expect(form).toHaveTextContent('/srv/ispdesk/backups');
  });

  it('checks the backup settings before sending, then sends only what changed', async () => {
    const { transport } = renderJobs();
    const form = await screen.findByRole('form', { name: 'Backup settings' });
    const keep = within(form).getByLabelText('Backups to keep');
    fireEvent.change(keep, { target: { value: '0' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save backup settings' }));
    expect(await within(form).findByText('Keep at least 1 backup')).toBeInTheDocument();
    fireEvent.change(keep, { target: { value: 'many' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save backup settings' }));
    expect(await within(form).findByText('Keep must be a whole number')).toBeInTheDocument();
    expect(transport.inputsOf('backup.updateSettings')).toEqual([]);

    fireEvent.change(keep, { target: { value: '14' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save backup settings' }));
    await waitFor(() =>
      expect(transport.inputsOf('backup.updateSettings')).toEqual([{ keep: 14 }]),
    );
    expect(await screen.findByText('Backup settings saved.')).toBeInTheDocument();
  });

  it('refreshes the list while the screen is open', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { transport } = renderJobs();
    await screen.findByRole('table', { name: 'Scheduled jobs' });
    const before = transport.inputsOf('jobs.list').length;
    await act(() => vi.advanceTimersByTimeAsync(JOBS_REFRESH_MS));
    await waitFor(() => expect(transport.inputsOf('jobs.list').length).toBeGreaterThan(before));
  });
});
