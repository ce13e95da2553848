import { keepPreviousData } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { In } from '@contract/api';
import { queryKey, useApiQuery } from '../../api/hooks';

export const CLIENT_PAGE_SIZE = 50;

/** One page of the server-side client list; the previous page stays shown while the next loads. */
export const useClientList = (input: In<'clients.list'>) =>
  useApiQuery('clients.list', input, { placeholderData: keepPreviousData });

export const useClient = (id: number) => useApiQuery('clients.get', { id });

/**
 * After anything that changes a client or money: refetch what shows clients, balances, the
 * ledger, reports and the log (they are all cheap, and another desk may be looking too).
 */
export function useInvalidateClientData() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (
          [
            'clients.get',
            'clients.list',
            'billing.ledger',
            'reports.dashboard',
            'reports.drawer',
            'reports.income',
            'reports.expiring',
            'plans.list',
            'activity.search',
          ] as const
        ).map((name) => queryClient.invalidateQueries({ queryKey: queryKey(name) })),
      ),
    [queryClient],
  );
}
