import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Out } from '@contract/api';
import type { SessionUser } from '@contract/schemas/auth';
import { queryKey, useApiQuery } from '../../api/hooks';

export type AuthStatus = Out<'auth.status'>;

const STATUS_KEY = queryKey('auth.status');

/** The first-run/session status. Fetched once; later changes are written into the cache. */
export const useAuthStatus = () => useApiQuery('auth.status', undefined, { staleTime: Infinity });

export function useAuthCache() {
  const queryClient = useQueryClient();

  const setSignedIn = useCallback(
    (user: SessionUser) => {
      queryClient.setQueryData<AuthStatus>(STATUS_KEY, { setupRequired: false, user });
    },
    [queryClient],
  );

  /** Drops everything fetched for the old session and shows the login screen. */
  const setSignedOut = useCallback(() => {
    const predicate = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== 'auth.status';
    void queryClient.cancelQueries({ predicate });
    queryClient.removeQueries({ predicate });
    queryClient.setQueryData<AuthStatus>(STATUS_KEY, { setupRequired: false, user: null });
    notifications.clean(); // toasts may name people or amounts: not for the next person
  }, [queryClient]);

  const isSignedIn = useCallback(
    () => Boolean(queryClient.getQueryData<AuthStatus>(STATUS_KEY)?.user),
    [queryClient],
  );

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
    [queryClient],
  );

  return { setSignedIn, setSignedOut, isSignedIn, refresh };
}
