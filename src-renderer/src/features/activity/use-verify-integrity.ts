import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { useApiMutation } from '../../api/hooks';
import type { VerifyState } from './VerifyIntegrity';

/**
 * Runs the hash-chain check of the live log or of an archive, following its `task.progress`
 * events while it runs.
 */
export function useVerifyIntegrity(archive: string | null): VerifyState {
  const client = useApiClient();
  const verify = useApiMutation('activity.verify');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const running = verify.isPending;

  useEffect(() => {
    if (!running) return;
    return client.subscribe('task.progress', (p) => {
      if (p.task === 'verify') setProgress({ done: p.done, total: p.total });
    });
  }, [client, running]);

  return {
    result: verify.data,
    error: verify.error,
    isPending: verify.isPending,
    progress: running ? progress : null,
    archive: verify.variables?.archive ?? null,
    run: () => {
      setProgress(null);
      verify.mutate(archive ? { archive } : undefined);
    },
    dismiss: () => verify.reset(),
  };
}
