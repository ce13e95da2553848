import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import type { Out } from '../../../../src-main/contract/api';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';

export const PAGE_SIZE = 100;

/** A page of results plus the instant that quick ranges were measured from. */
export type ActivityPage = Out<'activity.search'> & { anchor: number };
type PageParam = { cursor: number | undefined; anchor: number | undefined };

export const activitySearchKey = (view?: ActivityView) =>
  view ? (['activity.search', view] as const) : (['activity.search'] as const);

/**
 * Newest-first search with keyset "load more". Every page of one search uses the same `now`
 * (`anchor`), so "last 7 days" does not drift while the user pages through the results.
 */
export function useActivitySearch(view: ActivityView) {
  const client = useApiClient();
  return useInfiniteQuery<
    ActivityPage,
    ApiError,
    InfiniteData<ActivityPage, PageParam>,
    ReturnType<typeof activitySearchKey>,
    PageParam
  >({
    queryKey: activitySearchKey(view),
    initialPageParam: { cursor: undefined, anchor: undefined },
    queryFn: async ({ pageParam }) => {
      const anchor = pageParam.anchor ?? Date.now();
      const input = { filter: toApiFilter(view, anchor), limit: PAGE_SIZE };
      const page = await client.call(
        'activity.search',
        pageParam.cursor === undefined ? input : { ...input, cursor: pageParam.cursor },
      );
      return { ...page, anchor };
    },
    getNextPageParam: (last) =>
      last.nextCursor === null ? undefined : { cursor: last.nextCursor, anchor: last.anchor },
    placeholderData: keepPreviousData,
  });
}
