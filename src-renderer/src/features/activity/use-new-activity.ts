import { useEffect, useEffectEvent, useState } from 'react';
import type { ActivityRecorded } from '@contract/schemas/activity';
import { useApiClient } from '../../api/api-context';
import type { ActivityView } from './filter-params';
import { applyCount, useWaitingCount } from './use-waiting-count';

/**
 * Counts entries recorded since the results were fetched (`since` changes on every fetch) that
 * the view's filter shows and the user's role may read (see `useWaitingCount`).
 */
export function useNewActivityCount(
  since: unknown,
  newestShownId: number | null,
  view: ActivityView,
) {
  const client = useApiClient();
  const [state, setState] = useState({ since, count: 0 });
  if (state.since !== since) setState({ since, count: 0 });
  const waiting = useWaitingCount(view, newestShownId);

  const onRecorded = useEffectEvent((notice: ActivityRecorded) => {
    const asked = since;
    waiting(notice, (update) =>
      // An answer for results since replaced by a fresh search is dropped.
      setState((s) => (s.since === asked ? { ...s, count: applyCount(s.count, update) } : s)),
    );
  });
  useEffect(() => client.subscribe('activity.recorded', (notice) => onRecorded(notice)), [client]);
  return state.since === since ? state.count : 0;
}
