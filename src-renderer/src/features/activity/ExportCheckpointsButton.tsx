import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context';
import { saveBlobWithLink } from '../../api/http-transport';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useOfficeClock } from '../../lib/office-clock-context';
import type { OfficeClock } from '../../lib/office-time';

/** The file name for a checkpoint export made at `now`. */
export const checkpointsFileName = (now: number, clock: OfficeClock) =>
  `activity-checkpoints-${clock.fileStamp(now)}.json`;

/**
 * Saves the signed chain checkpoints and the public key as a JSON file, to keep outside the
 * database (with it, anyone can check that the log was not rewritten before a checkpoint).
 */
export function ExportCheckpointsButton() {
  const clock = useOfficeClock();
  const client = useApiClient();
  const save = useMutation({
    mutationFn: async () => {
      const checkpoints = await client.call('activity.checkpoints');
      const name = checkpointsFileName(Date.now(), clock);
      const json = `${JSON.stringify(checkpoints, null, 2)}\n`;
      saveBlobWithLink(new Blob([json], { type: 'application/json' }), name);
      return { name, count: checkpoints.checkpoints.length };
    },
    onSuccess: ({ name, count }) =>
      notifySuccess(
        `${String(count)} ${count === 1 ? 'checkpoint' : 'checkpoints'} saved as ${name}`,
        'Checkpoints exported',
      ),
    onError: (error) => notifyError(error, 'Could not export the checkpoints'),
  });
  return (
    <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
      Export checkpoints
    </Button>
  );
}
