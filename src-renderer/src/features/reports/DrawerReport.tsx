import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { OfficeDayInput } from '../../components/OfficeDayInput';
import { useState } from 'react';
import type { DrawerReport as Drawer } from '@contract/schemas/reports';
import { useApiQuery } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { METHOD_LABELS } from '../billing/billing-labels';
import { formatMoney } from '@domain/money';
import { useOffice } from '../settings/office-context';
import { formatOfficeDateTime } from '../settings/office-time';
import '../billing/print.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's (or any day's) takings per staff member and method: the cash drawer close. */
export function DrawerReport() {
  const office = useOffice();
  const [day, setDay] = useState(() => office.today());
  const valid = DAY.test(day);
  const report = useApiQuery('reports.drawer', { day }, { enabled: valid });

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" className="no-print">
        <OfficeDayInput
          label="Day"
          description={`Office day (${office.timeZone})`}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          error={valid ? undefined : 'Pick a day'}
        />
        <Button variant="default" onClick={() => setDay(office.today())}>
          Today
        </Button>
        <Button onClick={() => window.print()} disabled={!report.data}>
          Print drawer close
        </Button>
      </Group>
      {!valid ? null : report.isPending ? (
        <LoadingState label="Adding up the drawer…" />
      ) : report.isError ? (
        <ErrorState
          title="Could not load the drawer close"
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <DrawerSheet report={report.data} printedAt={report.dataUpdatedAt} />
      )}
    </Stack>
  );
}

function DrawerSheet({ report, printedAt }: { report: Drawer; printedAt: number }) {
  const money = (n: number) => formatMoney(n, report.currency);
  const { totals } = report;
  return (
    <Paper
      withBorder
      p="md"
      className="printable"
      component="section"
      aria-labelledby="drawer-title"
    >
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4" id="drawer-title">
            {`Drawer close ${report.day}`}
          </Title>
          <Text size="xs" c="dimmed">
            {`${formatOfficeDateTime(report.from, report.timeZone)} to ${formatOfficeDateTime(report.to, report.timeZone)} (${report.timeZone}) · as of ${formatOfficeDateTime(printedAt, report.timeZone)}`}
          </Text>
        </Stack>
        {report.rows.length === 0 ? (
          <EmptyState>No money was taken or paid back on this day.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder verticalSpacing="xs" aria-label="Drawer close">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Staff</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th ta="right">Payments</Table.Th>
                  <Table.Th ta="right">Refunds</Table.Th>
                  <Table.Th ta="right">Voids</Table.Th>
                  <Table.Th ta="right">Net</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) => (
                  <Table.Tr key={`${String(r.staffId)}-${r.method}`}>
                    <Table.Td>{r.staffName}</Table.Td>
                    <Table.Td>{METHOD_LABELS[r.method]}</Table.Td>
                    <Table.Td ta="right">{`${money(r.payments.amount)} (${String(r.payments.count)})`}</Table.Td>
                    <Table.Td ta="right">{`${money(r.refunds.amount)} (${String(r.refunds.count)})`}</Table.Td>
                    <Table.Td ta="right">{`${money(r.voids.amount)} (${String(r.voids.count)})`}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {money(r.net)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>Total</Table.Th>
                  <Table.Th ta="right">{`${money(totals.payments.amount)} (${String(totals.payments.count)})`}</Table.Th>
                  <Table.Th ta="right">{`${money(totals.refunds.amount)} (${String(totals.refunds.count)})`}</Table.Th>
                  <Table.Th ta="right">{`${money(totals.voids.amount)} (${String(totals.voids.count)})`}</Table.Th>
                  <Table.Th ta="right" data-testid="drawer-net">
                    {money(totals.net)}
                  </Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="xl" mt="lg">
          <Text size="sm">Counted by: ____________________</Text>
          <Text size="sm">Checked by: ____________________</Text>
        </Group>
      </Stack>
    </Paper>
  );
}
