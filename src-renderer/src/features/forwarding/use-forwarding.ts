import { useApiQuery } from '../../api/hooks';

/** Refreshed while shown: the lag and the connection change on their own. */
export const FORWARDING_REFRESH_MS = 5_000;

export const useForwardingStatus = () =>
  useApiQuery('forwarding.status', undefined, { refetchInterval: FORWARDING_REFRESH_MS });
