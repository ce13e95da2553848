import { useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import type { Out } from '@contract/api';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';

export const LEDGER_PAGE_SIZE = 50;
type Page = Out<'billing.ledger'>;

/** A client's ledger, newest first, a page at a time ("Load more"). */
export function useLedger(clientId: number, enabled = true) {
  const client = useApiClient();
  return useInfiniteQuery<
    Page,
    ApiError,
    InfiniteData<Page, number | undefined>,
    readonly ['billing.ledger', { clientId: number }],
    number | undefined
  >({
    queryKey: ['billing.ledger', { clientId }],
    initialPageParam: undefined,
    enabled,
    queryFn: ({ pageParam }) =>
      client.call(
        'billing.ledger',
        pageParam === undefined
          ? { clientId, limit: LEDGER_PAGE_SIZE }
          : { clientId, limit: LEDGER_PAGE_SIZE, cursor: pageParam },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
