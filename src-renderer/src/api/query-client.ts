import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Only a server that could not be reached is worth retrying; other errors are answers. */
const shouldRetry = (failureCount: number, error: unknown) =>
  isApiError(error) && error.code === 'unavailable' && failureCount < 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}
