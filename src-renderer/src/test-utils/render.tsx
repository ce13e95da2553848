import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter } from 'react-router';
import { ApiClientContext } from '../api/api-context';
import { createApiClient } from '../api/client';
import type { ApiClient } from '../api/client';
import type { Transport } from '../api/transport';
import { App } from '../app/App';
import { routes } from '../app/routes';
import { theme } from '../app/theme';
import { OfficeClockContext } from '../lib/office-clock-context';
import { officeClock } from '../lib/office-time';

export const createTestQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });

/**
 * Renders a component with Mantine (test env: no transitions, no portals), react-query and the
 * office clock (UTC unless `timeZone` says otherwise; pages load theirs through `<OfficeGate>`).
 */
export function renderWithProviders(ui: ReactElement, transport: Transport, timeZone = 'UTC') {
  const client: ApiClient = createApiClient(transport);
  const queryClient = createTestQueryClient();
  const result = render(
    <ApiClientContext value={client}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env="test">
          <OfficeClockContext value={officeClock(timeZone)}>{ui}</OfficeClockContext>
        </MantineProvider>
      </QueryClientProvider>
    </ApiClientContext>,
  );
  return { ...result, client, queryClient };
}

/** Renders the whole app (auth gate included) on a memory router starting at `path`. */
export function renderApp(transport: Transport, path = '/') {
  const client = createApiClient(transport);
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <App client={client} queryClient={queryClient} router={router} env="test" />,
  );
  return { ...result, client, queryClient, router };
}
