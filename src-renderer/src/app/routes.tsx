import { createHashRouter } from 'react-router';
import type { RouteObject } from 'react-router';
import { ActivityLogPage } from '../features/activity/ActivityLogPage';
import { AlertsPage } from '../features/alerts/AlertsPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { ReceiptPage } from '../features/billing/ReceiptPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InsightsPage } from '../features/insights/InsightsPage';
import { JobsPage } from '../features/jobs/JobsPage';
import { PlansPage } from '../features/plans/PlansPage';
import { PaymentsPage } from '../features/payments/PaymentsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { NetworkSettingsPage } from '../features/routers/NetworkSettingsPage';
import { RouterPage } from '../features/routers/RouterPage';
import { RoutersPage } from '../features/routers/RoutersPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { AppLayout } from '../features/shell/AppLayout';
import { RequirePermission } from '../features/shell/RequirePermission';
import { HomeRedirect, NotFoundPage, RouteErrorPage } from '../features/shell/RouteFallbacks';
import { OfficeSetupPage } from '../features/settings/OfficeSetupPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffPage } from '../features/staff/StaffPage';

/** The signed-in app. Every page renders inside AppLayout (the AppShell). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRedirect /> },
      ...(
        [
          ['dashboard', 'clients.read', <DashboardPage key="dashboard" />],
          ['clients', 'clients.read', <ClientsPage key="clients" />],
          ['clients/:clientId', 'clients.read', <ClientPage key="client" />],
          ['plans', 'clients.read', <PlansPage key="plans" />],
          ['receipts/:number', 'billing.read', <ReceiptPage key="receipt" />],
          ['reports', 'clients.read', <ReportsPage key="reports" />],
          ['routers', 'routers.read', <RoutersPage key="routers" />],
          ['routers/settings', 'routers.read', <NetworkSettingsPage key="network-settings" />],
          ['routers/:routerId', 'routers.read', <RouterPage key="router" />],
          ['settings', 'settings.manage', <SettingsPage key="settings" />],
          ['jobs', 'jobs.read', <JobsPage key="jobs" />],
          // issue 15 (h15-office): the first-run office profile
          ['setup/office', 'settings.manage', <OfficeSetupPage key="office-setup" />],
          // h15-money
          ['payments', 'reports.financial', <PaymentsPage key="payments" />],
          ['alerts', 'alerts.read', <AlertsPage key="alerts" />],
          // h16-insights
          ['insights', 'insights.read', <InsightsPage key="insights" />],
        ] as const
      ).map(([path, permission, page]) => ({
        path,
        element: <RequirePermission permission={permission}>{page}</RequirePermission>,
      })),
      {
        path: 'activity',
        element: (
          <RequirePermission permission="activity.read">
            <ActivityLogPage />
          </RequirePermission>
        ),
      },
      {
        path: 'staff',
        element: (
          <RequirePermission permission="staff.manage">
            <StaffPage />
          </RequirePermission>
        ),
      },
      { path: 'sessions', element: <SessionsPage key="mine" scope="mine" /> },
      {
        path: 'sessions/all',
        element: (
          <RequirePermission permission="sessions.manage">
            <SessionsPage key="all" scope="all" />
          </RequirePermission>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

let router: ReturnType<typeof createHashRouter> | undefined;

/**
 * One hash router for the window's lifetime (hash URLs work from file:// in Electron and from the
 * headless server). It survives sign-out, so after signing in again the user is where they were.
 */
export const getAppRouter = () => (router ??= createHashRouter(routes));
