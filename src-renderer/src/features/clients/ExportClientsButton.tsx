import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ClientFilter } from '@contract/schemas/clients';
import { useApiClient } from '../../api/api-context';
import { formatNumber } from '../../lib/format';
import { notifyDownloadOutcome } from '../../lib/download-outcome';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useOwnTask } from '../tasks/use-own-task';
import { progressText } from './client-task-text';

const notifyCancelled = () => notifySuccess('Nothing was saved.', 'Clients export cancelled');

/**
 * Exports the clients matching the list's filter as CSV (save dialog in Electron) under a task id
 * of its own, showing that task's progress. Cancel stops the task in the core (which logs it and
 * discards the file), then drops the transfer.
 */
export function ExportClientsButton({
  filter,
  withPasswords = false,
  onDone,
}: {
  filter: ClientFilter;
  /** Adds the service passwords (ExportWithPasswordsButton asks first). */
  withPasswords?: boolean;
  onDone?: () => void;
}) {
  const client = useApiClient();
  const task = useOwnTask();
  const controller = useRef<AbortController | null>(null);
  const exportCsv = useMutation({
    mutationFn: (taskId: string) => {
      const abort = new AbortController();
      controller.current = abort;
      return client.download(
        'clients.export',
        { filter, taskId, ...(withPasswords ? { withPasswords } : {}) },
        { signal: abort.signal },
      );
    },
    onSuccess: (outcome, taskId) => {
      if (outcome.kind === 'cancelled' && task.wasCancelled(taskId)) notifyCancelled();
      else notifyDownloadOutcome(outcome);
    },
    onError: (error, taskId) => {
      if (task.wasCancelled(taskId)) notifyCancelled();
      else notifyError(error, 'Export failed');
    },
    onSettled: () => {
      controller.current = null;
      task.end();
      onDone?.();
    },
  });

  const cancel = async () => {
    await task.cancel();
    controller.current?.abort();
  };

  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        variant="default"
        loading={exportCsv.isPending}
        onClick={() => exportCsv.mutate(task.begin())}
      >
        {withPasswords ? 'Export with passwords' : 'Export clients CSV'}
      </Button>
      {exportCsv.isPending && task.progress && (
        <Text size="sm" c="dimmed" role="status">
          {progressText(task.progress, formatNumber)}
        </Text>
      )}
      {exportCsv.isPending && (
        <Button
          variant="subtle"
          color="red"
          loading={task.cancelling}
          onClick={() => void cancel()}
        >
          Cancel export
        </Button>
      )}
    </Group>
  );
}
