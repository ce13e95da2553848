import { Alert, Anchor, Stack } from '@mantine/core';
import { Link, Navigate, useRouteError } from 'react-router';
import { ErrorState } from '../../components/states';
import { useSession } from '../auth/session-context';
import { homePath } from './nav-items';

export function HomeRedirect() {
  const { can } = useSession();
  return <Navigate to={homePath(can)} replace />;
}

export function NotFoundPage() {
  return (
    <Alert color="yellow" variant="light" title="Page not found">
      <Stack gap="xs" align="flex-start">
        This address does not lead to an ISP Desk page.
        <Anchor component={Link} to="/">
          Go to the start page
        </Anchor>
      </Stack>
    </Alert>
  );
}

export function RouteErrorPage() {
  const error = useRouteError();
  return <ErrorState title="This page failed" error={error} />;
}
