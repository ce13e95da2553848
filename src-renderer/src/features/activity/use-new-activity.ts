import { useEffect, useEffectEvent, useState } from 'react';
import { useApiClient } from '../../api/api-context';

/**
 * Counts entries recorded since the results were fetched (`since` changes on every fetch).
 * Notifications about entries already on screen (`lastId` ≤ the newest shown) are ignored: the
 * server batches them, so they can arrive just after the fetch that included them.
 */
export function useNewActivityCount(since: unknown, newestShownId: number | null) {
  const client = useApiClient();
  const [state, setState] = useState({ since, count: 0 });
  if (state.since !== since) setState({ since, count: 0 });

  const onRecorded = useEffectEvent((lastId: number, count: number) => {
    if (newestShownId !== null && lastId <= newestShownId) return;
    setState((s) => ({ ...s, count: s.count + count }));
  });
  useEffect(
    () => client.subscribe('activity.recorded', ({ lastId, count }) => onRecorded(lastId, count)),
    [client],
  );
  return state.since === since ? state.count : 0;
}
