import { useEffect, useState } from 'react';
import { useApiClient } from '../../api/api-context';

/** Counts entries recorded since `since` changed (e.g. since the results were last refreshed). */
export function useNewActivityCount(since: unknown) {
  const client = useApiClient();
  const [state, setState] = useState({ since, count: 0 });
  if (state.since !== since) setState({ since, count: 0 });

  useEffect(
    () =>
      client.subscribe('activity.recorded', ({ count }) =>
        setState((s) => ({ ...s, count: s.count + count })),
      ),
    [client],
  );
  return state.since === since ? state.count : 0;
}
