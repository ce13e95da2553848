import { Badge } from '@mantine/core';
import type { Router } from '@contract/schemas/routers';
import { routerBadge } from './router-labels';

export function RouterStatusBadge({
  router,
}: {
  router: Pick<Router, 'status' | 'enabled' | 'flapping'>;
}) {
  const badge = routerBadge(router);
  return (
    <Badge
      color={badge.color}
      variant="light"
      data-status={router.enabled ? router.status : 'disabled'}
    >
      {badge.label}
      {router.flapping ? ' (flapping)' : ''}
    </Badge>
  );
}
