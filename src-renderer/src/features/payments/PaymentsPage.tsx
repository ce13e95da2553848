import { OfficeDayInput } from '../../components/OfficeDayInput';
import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PAYMENT_METHODS, type PaymentMethod } from '@contract/schemas/billing';
import type { PaymentFilter, PaymentList } from '@contract/schemas/payments';
import { formatMoney } from '@domain/money';
import { useApiClient } from '../../api/api-context';
import { useApiQuery } from '../../api/hooks';
import { DebouncedTextInput } from '../../components/DebouncedTextInput';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyDownloadOutcome } from '../../lib/download-outcome';
import { notifyError } from '../../lib/notify';
import { KIND_COLORS, KIND_LABELS, METHOD_LABELS, receiptCode } from '../billing/billing-labels';
import { OfficeGate } from '../settings/OfficeGate';
import { useOffice } from '../settings/office-context';
import { formatOfficeDateTime } from '../settings/office-time';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 100;

export function PaymentsPage() {
  return (
    <OfficeGate>
      <PaymentsScreen />
    </OfficeGate>
  );
}

/** Every payment, refund and void between two office days, found by method, staff or reference. */
function PaymentsScreen() {
  const office = useOffice();
  const [from, setFrom] = useState(() => office.today());
  const [to, setTo] = useState(() => office.today());
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [staffId, setStaffId] = useState('');
  const [reference, setReference] = useState('');
  // Keyset pages: the cursors of the pages before this one.
  const [cursors, setCursors] = useState<number[]>([]);
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  const filter: PaymentFilter = {
    from,
    to,
    ...(method ? { methods: [method] } : {}),
    ...(staffId ? { staffId: Number(staffId) } : {}),
    ...(reference.trim() ? { reference: reference.trim() } : {}),
  };
  const cursor = cursors[cursors.length - 1];
  const list = useApiQuery(
    'payments.list',
    { filter, limit: PAGE, ...(cursor !== undefined ? { cursor } : {}) },
    // The last answer stays on screen (and in the staff filter) while a new filter loads.
    { enabled: valid, placeholderData: keepPreviousData },
  );
  const refilter = (apply: () => void) => {
    apply();
    setCursors([]);
  };

  const api = useApiClient();
  const exportCsv = useMutation({
    mutationFn: () => api.download('payments.export', { filter }),
    onSuccess: notifyDownloadOutcome,
    onError: (error) => notifyError(error, 'Export failed'),
  });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Payments
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Payment filters">
        <OfficeDayInput
          label="From"
          description={`Office day (${office.timeZone})`}
          value={from}
          onChange={(e) => {
            const v = e.currentTarget.value;
            refilter(() => setFrom(v));
          }}
          error={DAY.test(from) ? undefined : 'Pick a day'}
        />
        <OfficeDayInput
          label="To"
          description="Inclusive"
          value={to}
          onChange={(e) => {
            const v = e.currentTarget.value;
            refilter(() => setTo(v));
          }}
          error={!DAY.test(to) ? 'Pick a day' : from > to ? 'Not before "From"' : undefined}
        />
        <NativeSelect
          label="Method"
          w={170}
          data={[
            { value: '', label: 'All methods' },
            ...PAYMENT_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] })),
          ]}
          value={method}
          onChange={(e) => {
            const v = e.currentTarget.value;
            refilter(() => setMethod(v === '' ? '' : (v as PaymentMethod)));
          }}
        />
        <NativeSelect
          label="Staff"
          w={190}
          data={[
            { value: '', label: 'Everyone' },
            ...(list.data?.staff ?? []).map((s) => ({ value: String(s.id), label: s.name })),
          ]}
          value={staffId}
          onChange={(e) => {
            const v = e.currentTarget.value;
            refilter(() => setStaffId(v));
          }}
        />
        <DebouncedTextInput
          label="Reference"
          placeholder="M-Pesa or bank code"
          w={220}
          value={reference}
          onCommit={(v) => refilter(() => setReference(v))}
        />
        <Button
          variant="default"
          disabled={!valid}
          loading={exportCsv.isPending}
          onClick={() => exportCsv.mutate()}
        >
          Export CSV
        </Button>
      </Group>
      {!valid ? null : list.isPending ? (
        <LoadingState label="Finding payments…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load payments"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <>
          <Totals list={list.data} />
          <PaymentsTable list={list.data} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {`${formatOfficeDateTime(list.data.from, list.data.timeZone)} to ${formatOfficeDateTime(list.data.to, list.data.timeZone)} (${list.data.timeZone})`}
            </Text>
            <Group gap="xs">
              {cursors.length > 0 && (
                <Button variant="subtle" onClick={() => setCursors([])}>
                  Newest
                </Button>
              )}
              {list.data.nextCursor !== null && (
                <Button
                  variant="default"
                  onClick={() => {
                    const next = list.data.nextCursor;
                    if (next !== null) setCursors([...cursors, next]);
                  }}
                >
                  Older
                </Button>
              )}
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Totals({ list }: { list: PaymentList }) {
  const money = (n: number) => formatMoney(n, list.currency);
  const { totals } = list;
  const figure = (label: string, value: string, id: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} data-testid={id} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Paper>
  );
  const n = (count: number, one: string, many: string) =>
    `${String(count)} ${count === 1 ? one : many}`;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} aria-label="Totals">
      {figure(
        'Payments',
        `${money(totals.payments.amount)} · ${n(totals.payments.count, 'payment', 'payments')}`,
        'total-payments',
      )}
      {figure(
        'Refunds',
        `${money(totals.refunds.amount)} · ${n(totals.refunds.count, 'refund', 'refunds')}`,
        'total-refunds',
      )}
      {figure(
        'Voids',
        `${money(totals.voids.amount)} · ${n(totals.voids.count, 'void', 'voids')}`,
        'total-voids',
      )}
      {figure('Net', money(totals.net), 'total-net')}
    </SimpleGrid>
  );
}

function PaymentsTable({ list }: { list: PaymentList }) {
  const money = (n: number) => formatMoney(n, list.currency);
  if (list.items.length === 0) {
    return <EmptyState>No payments, refunds or voids match these filters.</EmptyState>;
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="xs" aria-label="Payments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Client</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Receipt</Table.Th>
            <Table.Th>Staff</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((r) => (
            <Table.Tr key={r.id} data-entry-id={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatOfficeDateTime(r.createdAt, list.timeZone)}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge color={KIND_COLORS[r.kind]} variant="light">
                    {KIND_LABELS[r.kind]}
                  </Badge>
                  {r.voided && (
                    <Badge color="red" variant="filled" size="xs">
                      Voided
                    </Badge>
                  )}
                </Group>
                {r.reason && (
                  <Text size="xs" c="dimmed">
                    {r.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${String(r.client.id)}`} size="sm">
                  {r.client.fullName}
                </Anchor>
                <Text size="xs" c="dimmed" ff="monospace">
                  {r.client.accountNo}
                </Text>
              </Table.Td>
              <Table.Td>{METHOD_LABELS[r.method]}</Table.Td>
              <Table.Td ff="monospace">{r.reference ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.receiptNumber === null ? (
                  '—'
                ) : (
                  <Anchor component={Link} to={`/receipts/${String(r.receiptNumber)}`} size="sm">
                    {receiptCode(r.receiptNumber)}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>{r.staffName}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={600} c={r.amount < 0 ? 'red' : 'teal'}>
                  {r.amount > 0 ? `+${money(r.amount)}` : money(r.amount)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
