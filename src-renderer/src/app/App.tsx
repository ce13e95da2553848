import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { createHashRouter } from 'react-router';
import { ApiClientContext } from '../api/api-context';
import type { ApiClient } from '../api/client';
import { AuthGate } from '../features/auth/AuthGate';
import { getAppRouter } from './routes';
import { theme } from './theme';

export type AppProps = {
  client: ApiClient;
  queryClient: QueryClient;
  /** Defaults to the window's hash router; tests pass a memory router. */
  router?: ReturnType<typeof createHashRouter>;
  /** `test` disables transitions and portals. */
  env?: 'default' | 'test';
};

export function App({ client, queryClient, router, env = 'default' }: AppProps) {
  return (
    <ApiClientContext value={client}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} env={env}>
          <DatesProvider settings={{ firstDayOfWeek: 1 }}>
            {/* Top centre: away from the buttons of forms, dialogs and drawers (bottom right). */}
            <Notifications position="top-center" autoClose={4000} />
            <AuthGate>
              <RouterProvider router={router ?? getAppRouter()} />
            </AuthGate>
          </DatesProvider>
        </MantineProvider>
      </QueryClientProvider>
    </ApiClientContext>
  );
}
