import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKey, useApiQuery } from '../../api/hooks';

/** Every plan, retired ones included (screens filter); small and cached briefly. */
export const usePlans = () =>
  useApiQuery('plans.list', { includeRetired: true }, { staleTime: 30_000 });

export function useInvalidatePlans() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKey('plans.list') }),
        queryClient.invalidateQueries({ queryKey: queryKey('plans.get') }),
      ]),
    [queryClient],
  );
}
