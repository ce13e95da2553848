import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Only a server that could not be reached is worth retrying; other errors are answers. */
const shouldRetry = (failureCount: number, error: unknown) =>
  isApiError(error) && error.code === 'unavailable' && failureCount < 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Cached data shows at once, but a screen always refetches when it opens: another
      // workstation may have changed things meanwhile.
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}
