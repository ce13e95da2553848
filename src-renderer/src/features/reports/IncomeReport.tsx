import { OfficeDayInput } from '../../components/OfficeDayInput';
import { Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { IncomeReport as Income } from '@contract/schemas/reports';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { METHOD_LABELS } from '../billing/billing-labels';
import { formatMoney } from '@domain/money';
import { serverFieldError } from '../../lib/server-errors';
import { useOffice } from '../settings/office-context';
import { monthStart } from '../settings/office-time';
import { IncomeChart } from './IncomeChart';
import classes from './IncomeReport.module.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Income by period, method and plan for a range of office days, with a chart. */
export function IncomeReport() {
  const office = useOffice();
  const [from, setFrom] = useState(() => monthStart(office.today()));
  const [to, setTo] = useState(() => office.today());
  const [groupBy, setGroupBy] = useState<'day' | 'month'>('day');
  const rangeError =
    !DAY.test(from) || !DAY.test(to)
      ? 'Pick both days'
      : from > to
        ? '"From" must not be after "To"'
        : undefined;
  const report = useApiQuery('reports.income', { from, to, groupBy }, { enabled: !rangeError });
  const serverRangeError = serverFieldError(report.error, 'to');

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" className="no-print">
        <OfficeDayInput
          label="From"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <OfficeDayInput
          label="To"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={rangeError ?? serverRangeError}
        />
        <NativeSelect
          label="Group by"
          data={[
            { value: 'day', label: 'Day' },
            { value: 'month', label: 'Month' },
          ]}
          value={groupBy}
          onChange={(e) => setGroupBy(e.currentTarget.value === 'month' ? 'month' : 'day')}
        />
      </Group>
      {rangeError ? null : report.isPending ? (
        <LoadingState label="Adding up income…" />
      ) : report.isError ? (
        serverRangeError ? null : (
          <ErrorState
            title="Could not load the income report"
            error={report.error}
            onRetry={() => void report.refetch()}
          />
        )
      ) : (
        <IncomeSheet report={report.data} groupBy={groupBy} from={from} to={to} />
      )}
    </Stack>
  );
}

function IncomeSheet({
  report,
  groupBy,
  from,
  to,
}: {
  report: Income;
  groupBy: 'day' | 'month';
  from: string;
  to: string;
}) {
  const money = (n: number) => formatMoney(n, report.currency);
  const { totals } = report;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(
          [
            ['Payments', totals.payments],
            ['Refunds', totals.refunds],
            ['Voided', totals.voids],
            ['Net income', totals.net],
          ] as const
        ).map(([label, value]) => (
          <Paper key={label} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {label}
            </Text>
            <Text fw={700} data-testid={`income-${label}`}>
              {money(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="income-chart">
        <Title order={2} size="h5" id="income-chart" mb="xs">
          {`Net income by ${groupBy} (${report.currency.code})`}
        </Title>
        <IncomeChart
          bars={report.buckets.map((b) => ({ label: b.period, value: b.net }))}
          digits={report.currency.minorUnitDigits}
          label={`Net income by ${groupBy} from ${from} to ${to}, in ${report.currency.code}`}
        />
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="sm" radius="md">
          <Title order={2} size="h5" mb="xs">
            By method
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-label="Income by method">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Method</Table.Th>
                  <Table.Th ta="right" className={classes.amount}>
                    Payments
                  </Table.Th>
                  <Table.Th ta="right" className={classes.amount}>
                    Refunds
                  </Table.Th>
                  <Table.Th ta="right" className={classes.amount}>
                    Voided
                  </Table.Th>
                  <Table.Th ta="right" className={classes.amount}>
                    Net
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.byMethod.map((m) => (
                  <Table.Tr key={m.method}>
                    <Table.Td>{METHOD_LABELS[m.method]}</Table.Td>
                    <Table.Td ta="right" className={classes.amount}>
                      {money(m.payments)}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.amount}>
                      {money(m.refunds)}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.amount}>
                      {money(m.voids)}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} className={classes.amount}>
                      {money(m.net)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Title order={2} size="h5" mb="xs">
            Renewals by plan
          </Title>
          {report.byPlan.length === 0 ? (
            <Text size="sm" c="dimmed">
              No renewals in this period.
            </Text>
          ) : (
            <Table striped aria-label="Renewals by plan">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th ta="right">Renewals</Table.Th>
                  <Table.Th ta="right">Charged</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.byPlan.map((p) => (
                  <Table.Tr key={p.planId}>
                    <Table.Td>{p.planName}</Table.Td>
                    <Table.Td ta="right">{p.renewals}</Table.Td>
                    <Table.Td ta="right" className={classes.amount}>
                      {money(p.charged)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="sm" radius="md">
        <Title order={2} size="h5" mb="xs">
          {`By ${groupBy}`}
        </Title>
        <Table.ScrollContainer minWidth={520} mah={360}>
          <Table striped stickyHeader aria-label={`Income by ${groupBy}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{groupBy === 'day' ? 'Day' : 'Month'}</Table.Th>
                <Table.Th ta="right">Payments</Table.Th>
                <Table.Th ta="right">Refunds</Table.Th>
                <Table.Th ta="right">Voided</Table.Th>
                <Table.Th ta="right">Net</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.buckets.map((b) => (
                <Table.Tr key={b.period}>
                  <Table.Td>{b.period}</Table.Td>
                  <Table.Td ta="right">{money(b.payments)}</Table.Td>
                  <Table.Td ta="right">{money(b.refunds)}</Table.Td>
                  <Table.Td ta="right">{money(b.voids)}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money(b.net)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
