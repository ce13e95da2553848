import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKey, useApiQuery } from '../../api/hooks';

/** Refreshed while the screen is open, so status changes show without a reload. */
export const ROUTERS_REFRESH_MS = 5_000;

export const useRoutersList = () =>
  useApiQuery('routers.list', undefined, { refetchInterval: ROUTERS_REFRESH_MS });

export function useInvalidateRouters() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (['routers.list', 'routers.get', 'routers.health', 'sync.queue'] as const).map((name) =>
          queryClient.invalidateQueries({ queryKey: queryKey(name) }),
        ),
      ),
    [queryClient],
  );
}
