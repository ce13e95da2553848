import { Stack, Text, Title } from '@mantine/core';
import type { Job } from '@contract/schemas/jobs';
import { useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { TaskProgressPanel } from '../tasks/TaskProgressPanel';
import { useOwnTask } from '../tasks/use-own-task';
import { BackupSettingsForm } from './BackupSettingsForm';
import { JobsTable } from './JobsTable';
import { ForwardingStatusCard } from '../forwarding/ForwardingStatusCard';
import { useForwardingStatus } from '../forwarding/use-forwarding';
import { useBackupSettings, useInvalidateJobs, useJobsList } from './use-jobs';
import { OfficeGate } from '../settings/OfficeGate';

/** Scheduled jobs: every background job's last run, outcome and next run; "Run now"; backups. */
/** Inside the office gate: every time on this screen is in the office's zone. */
export function JobsPage() {
  return (
    <OfficeGate>
      <JobsScreen />
    </OfficeGate>
  );
}

function JobsScreen() {
  const { can } = useSession();
  const list = useJobsList();
  const backup = useBackupSettings();
  const forwarding = useForwardingStatus();
  const invalidate = useInvalidateJobs();
  // A backup run from here is a task of the user's: followed and cancellable.
  const backupTask = useOwnTask();
  const runNow = useApiMutation('jobs.runNow', {
    onSuccess: (job: Job) => {
      if (job.lastRun?.outcome === 'failure') {
        notifyError(new Error(job.lastRun.error ?? 'It failed.'), `${job.label} failed`);
      } else {
        notifySuccess(job.lastRun?.summary ?? 'Done.', `${job.label} completed`);
      }
    },
    onError: (error: unknown, input) => {
      if (input.taskId !== undefined && backupTask.wasCancelled(input.taskId)) {
        notifySuccess('No backup file was written.', 'Backup cancelled');
      } else {
        notifyError(error, 'Could not run the job');
      }
    },
    onSettled: () => {
      backupTask.end();
      void invalidate();
    },
  });
  const backingUp = runNow.isPending && runNow.variables.taskId !== undefined;

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Scheduled jobs
        </Title>
        <Text size="sm" c="dimmed">
          Everything the app does on its own, when it last ran and when it runs next.
        </Text>
      </Stack>

      {list.isPending ? (
        <LoadingState label="Loading jobs…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the jobs"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>No background jobs.</EmptyState>
      ) : (
        <JobsTable
          jobs={list.data}
          canRun={can('jobs.run')}
          onRunNow={(job) =>
            runNow.mutate(
              job.name === 'db.backup'
                ? { name: job.name, taskId: backupTask.begin() }
                : { name: job.name },
            )
          }
          startingName={runNow.isPending ? runNow.variables.name : null}
        />
      )}

      {backingUp && (
        <TaskProgressPanel
          label="Backing up the database…"
          progress={backupTask.progress}
          onCancel={() => void backupTask.cancel()}
          cancelling={backupTask.cancelling}
          cancelLabel="Cancel backup"
        />
      )}
      {forwarding.data && <ForwardingStatusCard status={forwarding.data} />}

      {backup.isPending ? (
        <LoadingState label="Loading backup settings…" />
      ) : backup.isError ? (
        <ErrorState
          title="Could not load the backup settings"
          error={backup.error}
          onRetry={() => void backup.refetch()}
        />
      ) : (
        <BackupSettingsForm
          key={JSON.stringify(backup.data)}
          current={backup.data}
          canEdit={can('settings.manage')}
          onSaved={() => void invalidate()}
        />
      )}
    </Stack>
  );
}
