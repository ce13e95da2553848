import { Button, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ClientFilter } from '@contract/schemas/clients';
import { useApiClient } from '../../api/api-context';
import { formatNumber } from '../../lib/format';
import { notifyDownloadOutcome } from '../../lib/download-outcome';
import { notifyError } from '../../lib/notify';
import { newTaskId, progressText, useClientTaskProgress } from './use-client-task';

/**
 * Exports the clients matching the list's filter as CSV (save dialog in Electron), showing the
 * export's own progress. In the browser, Cancel stops the transfer and the core stops the export.
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
  const [taskId, setTaskId] = useState<string | null>(null);
  const progress = useClientTaskProgress(taskId);
  const controller = useRef<AbortController | null>(null);
  const exportCsv = useMutation({
    mutationFn: () => {
      const id = newTaskId();
      const abort = new AbortController();
      controller.current = abort;
      setTaskId(id);
      return client.download(
        'clients.export',
        { filter, taskId: id, ...(withPasswords ? { withPasswords } : {}) },
        { signal: abort.signal },
      );
    },
    onSuccess: notifyDownloadOutcome,
    onError: (error) => notifyError(error, 'Export failed'),
    onSettled: () => {
      controller.current = null;
      setTaskId(null);
      onDone?.();
    },
  });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
        {withPasswords ? 'Export with passwords' : 'Export clients CSV'}
      </Button>
      {exportCsv.isPending && progress && (
        <Text size="sm" c="dimmed" role="status">
          {progressText(progress, formatNumber)}
        </Text>
      )}
      {exportCsv.isPending && client.transport.kind === 'http' && (
        <Button variant="subtle" onClick={() => controller.current?.abort()}>
          Cancel export
        </Button>
      )}
    </Group>
  );
}
