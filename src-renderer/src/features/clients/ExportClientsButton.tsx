import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ClientFilter } from '@contract/schemas/clients';
import { useApiClient } from '../../api/api-context';
import { notifyDownloadOutcome } from '../../lib/download-outcome';
import { notifyError } from '../../lib/notify';

/** Exports the clients matching the list's filter as CSV (save dialog in Electron). */
export function ExportClientsButton({
  filter,
  withPasswords = false,
  onDone,
}: {
  filter: ClientFilter;
  /** Adds the service passwords (h15-money: ExportWithPasswordsButton asks first). */
  withPasswords?: boolean;
  onDone?: () => void;
}) {
  const client = useApiClient();
  const exportCsv = useMutation({
    mutationFn: () =>
      client.download('clients.export', { filter, ...(withPasswords ? { withPasswords } : {}) }),
    onSettled: () => onDone?.(),
    onSuccess: notifyDownloadOutcome,
    onError: (error) => notifyError(error, 'Export failed'),
  });
  return (
    <Button variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
      {withPasswords ? 'Export with passwords' : 'Export clients CSV'}
    </Button>
  );
}
