import { Badge } from '@mantine/core';
import type { ClientStatus } from '@contract/schemas/clients';
import { STATUS_COLORS, STATUS_LABELS } from './client-labels';

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="light"
      styles={{ root: { minWidth: 'max-content' }, label: { overflow: 'visible' } }}
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}
