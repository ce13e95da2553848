import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import type { Out } from '@contract/api';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';
import type { OfficeClock } from '../../lib/office-time';

export const PAGE_SIZE = 100;

/** A page of results plus the instant that quick ranges were measured from. */
export type ActivityPage = Out<'activity.search'> & { anchor: number };
export type PageParam = { cursor: number | undefined; anchor: number | undefined };
export type ActivityPages = InfiniteData<ActivityPage, PageParam>;

export type SearchScope = {
  /** The archive under review; null for the live log. */
  archive?: string | null;
  pageSize?: number;
};

export const activitySearchKey = (view?: ActivityView, scope: SearchScope = {}) =>
  view
    ? (['activity.search', view, scope.archive ?? null, scope.pageSize ?? PAGE_SIZE] as const)
    : (['activity.search'] as const);

/** The search input for a view, with the archive when one is under review. */
export const searchInput = (
  view: ActivityView,
  anchor: number,
  scope: SearchScope,
  clock: OfficeClock,
  cursor?: number,
) => ({
  filter: toApiFilter(view, anchor, clock),
  limit: scope.pageSize ?? PAGE_SIZE,
  ...(scope.archive ? { archive: scope.archive } : {}),
  ...(cursor === undefined ? {} : { cursor }),
});

/**
 * Newest-first search with keyset "load more". Every page of one search uses the same `now`
 * (`anchor`), so "last 7 days" does not drift while the user pages through the results.
 * `enabled: false` holds it back while the view is not settled yet.
 */
export function useActivitySearch(
  view: ActivityView,
  scope: SearchScope = {},
  { enabled = true }: { enabled?: boolean } = {},
) {
  const client = useApiClient();
  const clock = useOfficeClock();
  return useInfiniteQuery<
    ActivityPage,
    ApiError,
    ActivityPages,
    ReturnType<typeof activitySearchKey>,
    PageParam
  >({
    queryKey: activitySearchKey(view, scope),
    enabled,
    initialPageParam: { cursor: undefined, anchor: undefined },
    queryFn: async ({ pageParam }) => {
      const anchor = pageParam.anchor ?? Date.now();
      const page = await client.call(
        'activity.search',
        searchInput(view, anchor, scope, clock, pageParam.cursor),
      );
      return { ...page, anchor };
    },
    getNextPageParam: (last) =>
      last.nextCursor === null ? undefined : { cursor: last.nextCursor, anchor: last.anchor },
    placeholderData: keepPreviousData,
  });
}
