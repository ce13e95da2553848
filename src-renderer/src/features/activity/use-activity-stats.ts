import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Out } from '@contract/api';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import type { CallArgs } from '../../api/client';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';

type StatsName = 'activity.histogram' | 'activity.facets';

/** Query keys start with the procedure name, so a live update can invalidate them all. */
export const activityStatsKey = (name: StatsName, view?: ActivityView, archive?: string | null) =>
  view ? ([name, view, archive ?? null] as const) : ([name] as const);

/**
 * The histogram or the facet counts for the view. Keyed by the view (not the resolved filter),
 * so that a relative range ("last 24 hours") is measured from when the query runs; `enabled:
 * false` holds it back while the view is not settled yet.
 */
export function useActivityStats<K extends StatsName>(
  name: K,
  view: ActivityView,
  archive: string | null,
  enabled = true,
) {
  const client = useApiClient();
  const clock = useOfficeClock();
  return useQuery<Out<K>, ApiError>({
    queryKey: activityStatsKey(name, view, archive),
    enabled,
    queryFn: () => {
      const filter = toApiFilter(view, Date.now(), clock);
      const input = archive ? { filter, archive } : { filter };
      return client.call(name, ...([input] as CallArgs<K>));
    },
    placeholderData: keepPreviousData,
  });
}
