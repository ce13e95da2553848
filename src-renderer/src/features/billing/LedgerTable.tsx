import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LedgerEntry } from '@contract/schemas/billing';
import { useSession } from '../auth/session-context';
import { usePlans } from '../plans/use-plans';
import { useOffice } from '../settings/office-context';
import { voidProblem } from '@domain/voids';
import { refundable } from './RefundModal';
import { KIND_COLORS, KIND_LABELS, METHOD_LABELS, receiptCode } from './billing-labels';

function Details({ entry, planName }: { entry: LedgerEntry; planName: (id: number) => string }) {
  const { money, dateTime } = useOffice();
  const parts: string[] = [];
  if (entry.method) parts.push(METHOD_LABELS[entry.method]);
  if (entry.reference) parts.push(`ref ${entry.reference}`);
  if (entry.kind === 'charge' && entry.planId !== null) parts.push(`"${planName(entry.planId)}"`);
  if (entry.periodStart !== null && entry.periodEnd !== null) {
    parts.push(`${dateTime(entry.periodStart)} → ${dateTime(entry.periodEnd)}`);
  }
  if (entry.kind === 'void' && entry.relatesTo !== null)
    parts.push(`reverses #${String(entry.relatesTo)}`);
  if (entry.kind === 'refund' && entry.relatesTo !== null)
    parts.push(`of payment #${String(entry.relatesTo)}`);
  return (
    <Stack gap={2}>
      <Text size="sm">{parts.join(' · ') || '—'}</Text>
      {entry.reason && (
        <Text size="xs" c="dimmed">
          {entry.kind === 'payment' ? `Note: ${entry.reason}` : `Reason: ${entry.reason}`}
        </Text>
      )}
      <Group gap={4}>
        {entry.voided && (
          <Badge size="xs" color="red" variant="filled">
            Voided
          </Badge>
        )}
        {entry.refunded > 0 && (
          <Badge size="xs" color="grape" variant="light">
            {`Refunded ${money(entry.refunded)}`}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

export function LedgerTable({
  entries,
  onRefund,
  onVoid,
}: {
  entries: LedgerEntry[];
  onRefund: (entry: LedgerEntry) => void;
  onVoid: (entry: LedgerEntry) => void;
}) {
  const { can } = useSession();
  const { money, dateTime } = useOffice();
  const plans = usePlans().data;
  const planName = (id: number) => plans?.find((p) => p.id === id)?.name ?? `Plan #${String(id)}`;
  const canRefund = can('billing.refund');
  const canVoid = can('billing.void');

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label="Ledger">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Details</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Amount</Table.Th>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Staff</Table.Th>
            {(canRefund || canVoid) && <Table.Th className="no-print">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const code =
              e.receiptNumber === null ? `#${String(e.id)}` : receiptCode(e.receiptNumber);
            const isLivePayment = e.kind === 'payment' && !e.voided;
            return (
              <Table.Tr key={e.id} data-entry-id={e.id} data-kind={e.kind}>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {e.id}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(e.createdAt)}</Table.Td>
                <Table.Td>
                  <Badge color={KIND_COLORS[e.kind]} variant="light">
                    {KIND_LABELS[e.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Details entry={e} planName={planName} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} c={e.amount < 0 ? 'red' : 'teal'}>
                    {e.amount > 0 ? `+${money(e.amount)}` : money(e.amount)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.receiptNumber !== null ? (
                    <Anchor
                      component={Link}
                      to={`/receipts/${String(e.receiptNumber)}`}
                      size="sm"
                      aria-label={`Receipt ${code}`}
                    >
                      {code}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{e.staffName}</Table.Td>
                {(canRefund || canVoid) && (
                  <Table.Td className="no-print">
                    <Group gap="xs" wrap="nowrap">
                      {canRefund && isLivePayment && refundable(e) > 0 && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Refund payment ${code}`}
                          onClick={() => onRefund(e)}
                        >
                          Refund
                        </Button>
                      )}
                      {canVoid && voidProblem(e) === null && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Void ${KIND_LABELS[e.kind].toLowerCase()} ${code}`}
                          onClick={() => onVoid(e)}
                        >
                          Void
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
