import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { InsightsRouters } from '@contract/schemas/insights';
import { counted } from '@domain/plural';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useOfficeClock } from '../../lib/office-clock-context';
import { routerPath } from './insight-links';
import type { RangeInput } from './InsightsPage';
import { bucketStarts, perBucket, Trend } from './Trend';

const ms = (v: number | null) => (v === null ? '—' : `${formatNumber(v)} ms`);

function RoutersTable({ data }: { data: InsightsRouters }) {
  const clock = useOfficeClock();
  const starts = bucketStarts(data, clock);
  const per = data.bucket === 'hour' ? 'hour' : 'office day';
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped data-testid="router-insights">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Router</Table.Th>
            <Table.Th ta="right">Health checks</Table.Th>
            <Table.Th ta="right">Outages</Table.Th>
            <Table.Th ta="right">Sync failures</Table.Th>
            <Table.Th ta="right">Latency</Table.Th>
            <Table.Th ta="right">Peak</Table.Th>
            <Table.Th>{`Latency per ${per}`}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.routers.map((r) => (
            <Table.Tr key={r.id} data-testid="router-row">
              <Table.Td>
                <Anchor component={Link} to={routerPath(r.id, 'all', data, clock)} size="sm">
                  {r.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                {formatNumber(r.samples)}
                {r.failed > 0 && (
                  <Text span size="xs" c="red">{` (${formatNumber(r.failed)} failed)`}</Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <CountLink
                  n={r.outages}
                  to={routerPath(r.id, 'outages', data, clock)}
                  label={`${r.name}: ${counted(r.outages, 'outage')}, show them in the log`}
                />
              </Table.Td>
              <Table.Td ta="right">
                <CountLink
                  n={r.syncFailures}
                  to={routerPath(r.id, 'sync_failures', data, clock)}
                  label={`${r.name}: ${counted(r.syncFailures, 'sync failure')}, show them in the log`}
                />
              </Table.Td>
              <Table.Td ta="right">{ms(r.latencyAvg)}</Table.Td>
              <Table.Td ta="right">{ms(r.latencyMax)}</Table.Td>
              <Table.Td>
                {r.samples === 0 ? (
                  <Text size="xs" c="dimmed">
                    No health checks in this range
                  </Text>
                ) : (
                  <Trend
                    color="orange"
                    values={perBucket(r.series, starts, (p) => p.latencyAvg)}
                    label={`${r.name}: average latency per ${per}, peak ${ms(r.latencyMax)}`}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each router's latency, outages and sync failures over the range. */
export function RouterInsights({ range }: { range: RangeInput }) {
  const q = useApiQuery('insights.routers', range);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Routers
          </Title>
          <Text size="xs" c="dimmed">
            Latency from the health checks, outages (it stopped answering) and changes that could
            not be pushed to it; each figure opens the router&apos;s entries in the Activity Log.
          </Text>
        </Stack>
        {q.isPending ? (
          <LoadingState label="Loading routers…" />
        ) : q.isError ? (
          <ErrorState
            title="Could not load the router insights"
            error={q.error}
            onRetry={() => void q.refetch()}
          />
        ) : q.data.routers.length === 0 ? (
          <Text size="sm" c="dimmed">
            No routers yet.
          </Text>
        ) : (
          <RoutersTable data={q.data} />
        )}
      </Stack>
    </Paper>
  );
}

/** A count of problems: plain 0, or a red link to the entries behind it. */
function CountLink({ n, to, label }: { n: number; to: string; label: string }) {
  if (n === 0) return <>0</>;
  return (
    <Anchor component={Link} to={to} aria-label={label} c="red" size="sm">
      {formatNumber(n)}
    </Anchor>
  );
}
