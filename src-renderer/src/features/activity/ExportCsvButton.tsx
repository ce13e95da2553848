import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../lib/notify';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';

/** Exports the entries matching the current filter as CSV (save dialog in Electron). */
export function ExportCsvButton({ view }: { view: ActivityView }) {
  const client = useApiClient();
  const exportCsv = useMutation({
    mutationFn: () =>
      client.download('activity.export', { filter: toApiFilter(view, Date.now()), format: 'csv' }),
    onSuccess: (outcome) => {
      switch (outcome.kind) {
        case 'saved':
          notifySuccess(`Saved to ${outcome.path}`, 'Export complete');
          break;
        case 'downloaded':
          notifySuccess(`Downloaded as ${outcome.filename}`, 'Export complete');
          break;
        case 'cancelled':
          break;
      }
    },
    onError: (error) => notifyError(error, 'Export failed'),
  });

  return (
    <Button variant="default" loading={exportCsv.isPending} onClick={() => exportCsv.mutate()}>
      Export CSV
    </Button>
  );
}
