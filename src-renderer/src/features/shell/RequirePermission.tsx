import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Permission } from '@contract/roles';
import { useSession } from '../auth/session-context';

export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { can } = useSession();
  if (can(permission)) return children;
  return (
    <Alert color="yellow" variant="light" title="Not available">
      Your role does not give access to this page.
    </Alert>
  );
}
