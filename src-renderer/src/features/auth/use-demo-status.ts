import { useApiQuery } from '../../api/hooks';

/**
 * Whether this is the demo office (and its sign-in hints), and whether the first-run screen may
 * open it. Asked once per page load: switching offices reloads the page. A failure reads as
 * "no demo", so that sign-in never depends on it.
 */
export const useDemoStatus = () =>
  useApiQuery('system.demo', undefined, { staleTime: Infinity, retry: false });
