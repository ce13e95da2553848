import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { Plan } from '@contract/schemas/plans';
import { formatNumber } from '../../lib/format';
import { SERVICE_LABELS } from '../clients/client-labels';
import { useOffice } from '../settings/office-context';
import { formatRate } from './rates';
import { counted, per } from '@domain/plural';

const unitOf = (v: Plan['validity']) => (v.unit === 'days' ? 'day' : 'month');

const expiryText = (plan: Plan): string =>
  plan.expiryAction === 'disable'
    ? 'Disable'
    : `Isolate: ${[plan.isolationProfile, plan.isolationAddressList].filter(Boolean).join(' / ')}`;

export function PlansTable({
  plans,
  canManage,
  onEdit,
  onRetire,
  onDelete,
}: {
  plans: Plan[];
  canManage: boolean;
  onEdit: (plan: Plan) => void;
  onRetire: (plan: Plan) => void;
  onDelete: (plan: Plan) => void;
}) {
  const { money } = useOffice();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped verticalSpacing="sm" aria-label="Plans">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Rate (down / up)</Table.Th>
            <Table.Th>Price</Table.Th>
            <Table.Th>Router profile</Table.Th>
            <Table.Th>On expiry</Table.Th>
            <Table.Th>Clients</Table.Th>
            <Table.Th>Status</Table.Th>
            {canManage && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((plan) => (
            <Table.Tr key={plan.id} data-plan-id={plan.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {plan.name}
                </Text>
              </Table.Td>
              <Table.Td>{SERVICE_LABELS[plan.serviceType]}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {formatRate(plan.rateDownKbps)} / {formatRate(plan.rateUpKbps)}
                </Text>
                {plan.burst && (
                  <Text size="xs" c="dimmed">
                    {`Burst ${formatRate(plan.burst.downKbps)} / ${formatRate(plan.burst.upKbps)} for ${String(plan.burst.timeSeconds)} s`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{money(plan.price)}</Text>
                <Text size="xs" c="dimmed">
                  {per(plan.validity.count, unitOf(plan.validity))}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {plan.routerProfile}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{expiryText(plan)}</Text>
                {plan.graceDays > 0 && (
                  <Text size="xs" c="dimmed">
                    {`after ${counted(plan.graceDays, 'grace day')}`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatNumber(plan.clientCount)}</Table.Td>
              <Table.Td>
                <Badge color={plan.active ? 'teal' : 'gray'} variant="light">
                  {plan.active ? 'Active' : 'Retired'}
                </Badge>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Edit plan ${plan.name}`}
                      onClick={() => onEdit(plan)}
                    >
                      Edit
                    </Button>
                    {plan.active && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Retire plan ${plan.name}`}
                        onClick={() => onRetire(plan)}
                      >
                        Retire
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete plan ${plan.name}`}
                      onClick={() => onDelete(plan)}
                    >
                      Delete
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
