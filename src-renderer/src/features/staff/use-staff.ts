import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKey, useApiQuery } from '../../api/hooks';

/** All staff members; pass `enabled: false` when the user may not list them. */
export const useStaffList = (enabled = true) =>
  useApiQuery('staff.list', undefined, { enabled, staleTime: 30_000 });

export function useInvalidateStaff() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKey('staff.list') }),
    [queryClient],
  );
}
