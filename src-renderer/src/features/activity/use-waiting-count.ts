import { useCallback, useEffect, useRef } from 'react';
import type { ActivityRecorded } from '@contract/schemas/activity';
import { useApiClient } from '../../api/api-context';
import type { ActivityView } from './filter-params';
import { toApiFilter } from './filter-params';
import { newForView, noticeTellsCount } from './live-tail';
import { useOfficeClock } from '../../lib/office-clock-context';

/** How the count of waiting entries changes: by a notice's share, or to the log's own count. */
export type CountUpdate = { add: number } | { set: number };

/**
 * Turns `activity.recorded` notices into the count of new entries the view shows. A notice
 * counts per category (already only what the user's role may read), which is exact for a view
 * filtered by category at most; for any other filter the log is asked how many entries after
 * the newest one shown match it (`activity.countAfter`), the latest answer winning. Notices about
 * entries already on screen (`lastId` ≤ the newest shown) are ignored: the server batches them,
 * so they can arrive just after the fetch that included them.
 */
export function useWaitingCount(view: ActivityView, newestShownId: number | null) {
  const client = useApiClient();
  const clock = useOfficeClock();
  const asked = useRef(0);
  const latest = useRef({ view, newestShownId });
  useEffect(() => {
    latest.current = { view, newestShownId };
  }, [view, newestShownId]);
  return useCallback(
    (notice: ActivityRecorded, apply: (update: CountUpdate) => void) => {
      const { view, newestShownId } = latest.current;
      const shown = newForView(notice, view.categories);
      if (!shown || (newestShownId !== null && shown.lastId <= newestShownId)) return;
      if (noticeTellsCount(view)) {
        apply({ add: shown.count });
        return;
      }
      const ticket = (asked.current += 1);
      client
        .call('activity.countAfter', {
          filter: toApiFilter(view, Date.now(), clock),
          afterId: newestShownId ?? 0,
        })
        .then(
          (total) => {
            if (ticket === asked.current) apply({ set: total.count });
          },
          // A failed count is asked again on the next notice; the count shown stays.
          () => undefined,
        );
    },
    [client, clock],
  );
}

export const applyCount = (count: number, update: CountUpdate): number =>
  'add' in update ? count + update.add : update.set;
