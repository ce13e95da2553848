import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Alert } from '@contract/schemas/alerts';
import { formatNumber } from '../../lib/format';
import { useOfficeClock } from '../../lib/office-clock-context';
import { pivotPath, RULE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './alert-labels';

export function AlertsTable({
  alerts,
  canManage,
  onAcknowledge,
  onResolve,
}: {
  alerts: Alert[];
  canManage: boolean;
  onAcknowledge: (a: Alert) => void;
  onResolve: (a: Alert) => void;
}) {
  const clock = useOfficeClock();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="alerts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Alert</Table.Th>
            <Table.Th>First seen</Table.Th>
            <Table.Th>Last seen</Table.Th>
            <Table.Th ta="right">Entries</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alerts.map((a) => (
            <Table.Tr key={a.id} data-testid="alert-row" data-rule={a.rule}>
              <Table.Td>
                <Badge color={SEVERITY_LABELS[a.severity].color}>
                  {SEVERITY_LABELS[a.severity].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {a.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {RULE_LABELS[a.rule]}
                  {a.note ? ` · Note: ${a.note}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{clock.dateTimeShort(a.firstAt)}</Table.Td>
              <Table.Td>{clock.dateTimeShort(a.lastAt)}</Table.Td>
              <Table.Td ta="right">{formatNumber(a.count)}</Table.Td>
              <Table.Td>
                {STATUS_LABELS[a.status]}
                {a.acknowledgedBy && a.status === 'acknowledged' ? ` by ${a.acknowledgedBy}` : ''}
                {a.resolvedBy && a.status === 'resolved' ? ` by ${a.resolvedBy}` : ''}
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <Anchor component={Link} to={pivotPath(a.pivot, clock)} size="sm">
                    Show entries
                  </Anchor>
                  {canManage && a.status === 'open' && (
                    <Button size="xs" variant="light" onClick={() => onAcknowledge(a)}>
                      Acknowledge
                    </Button>
                  )}
                  {canManage && a.status !== 'resolved' && (
                    <Button size="xs" variant="default" onClick={() => onResolve(a)}>
                      Resolve
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
