import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { ActivityEntry } from '@contract/schemas/activity';
import { queryKey, useApiQuery } from '../../api/hooks';
import { useOfficeClock } from '../../lib/office-clock-context';
import { surroundingView, viewKey } from './filter-params';
import type { ActivityView } from './filter-params';
import type { useActivitySearch } from './use-activity-search';
import type { AroundParams } from './use-activity-url';

/** Pages of results loaded, at most, to bring the entry itself into the table. */
export const MAX_AROUND_PAGES = 20;

const getInput = (id: number, archive: string | null) => (archive ? { id, archive } : { id });

/**
 * "What happened around this entry" (`around=<id>&span=5m`). The entry is the one the action
 * was taken on (kept in the query cache by `remember`) or is fetched by id (a bookmark opened
 * cold), so its window is known, and can widen, whatever the results hold. A URL without the
 * window's bounds (a bookmark holding only `around` and `span`) gets them in place; until then
 * `aligned` is false and the screen waits instead of searching the whole log.
 */
export function useAroundEntry(opts: {
  around: AroundParams | null;
  archive: string | null;
  view: ActivityView;
  align: (view: ActivityView, of: AroundParams) => void;
}) {
  const clock = useOfficeClock();
  const queryClient = useQueryClient();
  const { around, archive, view, align } = opts;
  const fetched = useApiQuery('activity.get', getInput(around?.id ?? 0, archive), {
    enabled: around !== null,
    staleTime: Infinity,
  });
  const entry = around ? fetched.data : undefined;
  const ts = entry?.ts;
  const spanMin = around?.spanMin;
  const surrounding = useMemo(
    () => (ts === undefined || spanMin === undefined ? null : surroundingView(ts, spanMin, clock)),
    [ts, spanMin, clock],
  );
  const inPlace = surrounding !== null && viewKey(surrounding) === viewKey(view);

  useEffect(() => {
    if (surrounding !== null && !inPlace && around) align(surrounding, around);
  }, [surrounding, inPlace, around, align]);

  /** Keeps an entry already on screen, so that showing around it needs no fetch. */
  const remember = useCallback(
    (known: ActivityEntry) =>
      queryClient.setQueryData(queryKey('activity.get', getInput(known.id, archive)), known),
    [queryClient, archive],
  );

  return {
    /** The entry the view is around, once known. */
    entry,
    /** The URL's filter is the window (or there is no window): the search may run. */
    aligned: around === null || fetched.isError || inPlace,
    /** The window is on screen (its bounds in the URL). */
    inPlace,
    error: around ? fetched.error : null,
    remember,
  };
}

type Search = Pick<
  ReturnType<typeof useActivitySearch>,
  'data' | 'hasNextPage' | 'isFetching' | 'fetchNextPage'
>;

/**
 * Keeps the entry a view is around in the table: once the window's results are in, pages load
 * until the entry is among them (at most MAX_AROUND_PAGES; `beyondLoaded` says it is further).
 */
export function useAroundInTable(opts: {
  entryId: number | null;
  inPlace: boolean;
  entries: readonly ActivityEntry[];
  search: Search;
}) {
  const { entryId, inPlace, entries, search } = opts;
  const loaded = entryId !== null && entries.some((e) => e.id === entryId);
  const pages = search.data?.pages.length ?? 0;
  const missing = entryId !== null && inPlace && !loaded && search.hasNextPage;
  const reachable = pages < MAX_AROUND_PAGES;
  const { isFetching, fetchNextPage } = search;
  useEffect(() => {
    if (missing && reachable && !isFetching) void fetchNextPage();
  }, [missing, reachable, isFetching, fetchNextPage]);
  return { loaded, beyondLoaded: missing && !reachable };
}
