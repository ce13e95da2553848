import { Button } from '@mantine/core';
import type { ExpiryRun } from '@contract/schemas/sync';
import { useApiMutation } from '../../api/hooks';
import { notifyError, notifySuccess } from '../../lib/notify';
import { counted } from '@domain/plural';

/** What one run did, in a sentence for the office. */
export const expiryRunSummary = (r: ExpiryRun): string => {
  if (r.expired === 0) return 'No subscription was due to expire.';
  const parts = [`${String(r.isolated)} isolated on their router`];
  if (r.queued > 0) parts.push(`${String(r.queued)} waiting in the router queue`);
  if (r.noRouter > 0) parts.push(`${String(r.noRouter)} without a router`);
  const why = r.failures.map((f) => `${f.reason} (${counted(f.clients, 'client')})`).join('; ');
  return `${counted(r.expired, 'client')} expired: ${parts.join(', ')}.${why ? ` ${why}.` : ''}`;
};

/**
 * Runs expiry processing now instead of waiting for its next scheduled run (network settings say
 * how often): clients past expiry and grace are expired and isolated on their routers.
 */
export function RunExpiryButton({ onDone }: { onDone: () => void }) {
  const run = useApiMutation('expiry.run', {
    onSuccess: (r) => {
      onDone();
      notifySuccess(expiryRunSummary(r), 'Expiry processing');
    },
    onError: (error) => notifyError(error, 'Expiry processing failed'),
  });
  return (
    <Button variant="default" loading={run.isPending} onClick={() => run.mutate(undefined)}>
      Run expiry now
    </Button>
  );
}
