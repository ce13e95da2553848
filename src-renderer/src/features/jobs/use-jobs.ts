import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKey, useApiQuery } from '../../api/hooks';

/** Refreshed while the screen is open: last runs, outcomes and next runs change on their own. */
export const JOBS_REFRESH_MS = 5_000;

export const useJobsList = () =>
  useApiQuery('jobs.list', undefined, { refetchInterval: JOBS_REFRESH_MS });

export const useBackupSettings = () => useApiQuery('backup.settings', undefined);

export function useInvalidateJobs() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (['jobs.list', 'backup.settings'] as const).map((name) =>
          queryClient.invalidateQueries({ queryKey: queryKey(name) }),
        ),
      ),
    [queryClient],
  );
}
