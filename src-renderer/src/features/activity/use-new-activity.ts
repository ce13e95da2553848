import { useEffect, useEffectEvent, useState } from 'react';
import type { ActivityCategory, ActivityRecorded } from '@contract/schemas/activity';
import { useApiClient } from '../../api/api-context';
import { newForView } from './live-tail';

/**
 * Counts entries recorded since the results were fetched (`since` changes on every fetch), of the
 * categories the filter shows (`categories`, all when empty) and the user's role may read.
 * Notifications about entries already on screen (`lastId` ≤ the newest shown) are ignored: the
 * server batches them, so they can arrive just after the fetch that included them.
 */
export function useNewActivityCount(
  since: unknown,
  newestShownId: number | null,
  categories: readonly ActivityCategory[],
) {
  const client = useApiClient();
  const [state, setState] = useState({ since, count: 0 });
  if (state.since !== since) setState({ since, count: 0 });

  const onRecorded = useEffectEvent((notice: ActivityRecorded) => {
    const shown = newForView(notice, categories);
    if (!shown || (newestShownId !== null && shown.lastId <= newestShownId)) return;
    setState((s) => ({ ...s, count: s.count + shown.count }));
  });
  useEffect(() => client.subscribe('activity.recorded', (notice) => onRecorded(notice)), [client]);
  return state.since === since ? state.count : 0;
}
