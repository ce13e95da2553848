import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Router } from '@contract/schemas/routers';

import { formatPct, formatUptime } from './router-labels';
import { RouterStatusBadge } from './RouterStatusBadge';
import { useOfficeClock } from '../../lib/office-clock-context';

export type RoutersTableProps = {
  routers: Router[];
  canManage: boolean;
  onEdit: (router: Router) => void;
  onToggle: (router: Router) => void;
  onRemove: (router: Router) => void;
  togglingId: number | null;
};

const dash = (value: string | number | null) => (value === null ? '—' : String(value));

export function RoutersTable({
  routers,
  canManage,
  onEdit,
  onToggle,
  onRemove,
  togglingId,
}: RoutersTableProps) {
  const clock = useOfficeClock();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" aria-label="Routers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last seen</Table.Th>
            {/* Optional columns drop where the main area is narrow (app/layout.css). */}
            <Table.Th data-col-optional="wide">Identity</Table.Th>
            <Table.Th data-col-optional="wide">Version</Table.Th>
            <Table.Th>Uptime</Table.Th>
            <Table.Th>CPU</Table.Th>
            <Table.Th>Memory</Table.Th>
            <Table.Th>Sessions</Table.Th>
            <Table.Th>Pending changes</Table.Th>
            {canManage && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {routers.map((router) => (
            <Table.Tr key={router.id} data-router-id={router.id}>
              <Table.Td>
                <Anchor component={Link} to={`/routers/${String(router.id)}`} size="sm">
                  {router.name}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {router.host}
                  {router.port === null ? '' : `:${String(router.port)}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <RouterStatusBadge router={router} />
              </Table.Td>
              <Table.Td>
                {router.lastSeenAt === null ? (
                  <Text size="sm" c="dimmed">
                    Never
                  </Text>
                ) : (
                  <Text size="sm">{clock.relative(router.lastSeenAt)}</Text>
                )}
              </Table.Td>
              <Table.Td data-col-optional="wide">{dash(router.identity)}</Table.Td>
              <Table.Td data-col-optional="wide">{dash(router.version)}</Table.Td>
              <Table.Td>{formatUptime(router.uptimeSec)}</Table.Td>
              <Table.Td>{formatPct(router.cpuLoad)}</Table.Td>
              <Table.Td>{formatPct(router.memoryUsedPct)}</Table.Td>
              <Table.Td>{dash(router.activeSessions)}</Table.Td>
              <Table.Td>{router.pendingChanges}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit ${router.name}`}
                      onClick={() => onEdit(router)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${router.enabled ? 'Disable' : 'Enable'} ${router.name}`}
                      loading={togglingId === router.id}
                      onClick={() => onToggle(router)}
                    >
                      {router.enabled ? 'Disable' : 'Enable'}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Remove ${router.name}`}
                      onClick={() => onRemove(router)}
                    >
                      Remove
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
