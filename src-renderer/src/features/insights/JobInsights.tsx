import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { InsightsJobs } from '@contract/schemas/insights';
import { counted } from '@domain/plural';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useOfficeClock } from '../../lib/office-clock-context';
import { formatDuration } from '../jobs/job-labels';
import { slowRunPath } from './insight-links';
import type { RangeInput } from './InsightsPage';
import { bucketStarts, perBucket, Trend } from './Trend';

function Durations({ data }: { data: InsightsJobs }) {
  const clock = useOfficeClock();
  const starts = bucketStarts(data, clock);
  const per = data.bucket === 'hour' ? 'hour' : 'office day';
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="job-durations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th ta="right">Runs</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
            <Table.Th ta="right">Average</Table.Th>
            <Table.Th ta="right">Slowest</Table.Th>
            <Table.Th>{`Average per ${per}`}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.jobs.map((j) => (
            <Table.Tr key={j.name} data-testid="job-row">
              <Table.Td>{j.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(j.runs)}</Table.Td>
              <Table.Td ta="right">{formatNumber(j.failures)}</Table.Td>
              <Table.Td ta="right">{j.runs === 0 ? '—' : formatDuration(j.avgMs)}</Table.Td>
              <Table.Td ta="right">{j.runs === 0 ? '—' : formatDuration(j.maxMs)}</Table.Td>
              <Table.Td>
                {j.runs === 0 ? (
                  <Text size="xs" c="dimmed">
                    No runs in this range
                  </Text>
                ) : (
                  <Trend
                    values={perBucket(j.series, starts, (p) => p.avgMs)}
                    label={`${j.label}: average run per ${per}, slowest ${formatDuration(j.maxMs)}`}
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

function SlowestRuns({ data }: { data: InsightsJobs }) {
  const clock = useOfficeClock();
  if (data.slowest.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No runs in this range.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="slowest-runs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th>{`Started (${clock.zone})`}</Table.Th>
            <Table.Th ta="right">Took</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.slowest.map((r) => (
            <Table.Tr key={`${r.name}-${String(r.startedAt)}`} data-testid="slow-run">
              <Table.Td>
                {r.label}
                {r.trigger === 'staff' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (run by staff)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{clock.dateTime(r.startedAt)}</Table.Td>
              <Table.Td ta="right">{formatDuration(r.durationMs)}</Table.Td>
              <Table.Td>
                {r.outcome === null ? (
                  <Text size="xs" c="dimmed">
                    Slowest of its hour
                  </Text>
                ) : (
                  <Badge color={r.outcome === 'success' ? 'teal' : 'red'} variant="light">
                    {r.outcome === 'success' ? 'Succeeded' : 'Failed'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={slowRunPath(r, clock)} size="sm">
                  Show in the log
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Scheduled jobs' durations over time and the slowest runs, from the kept run history. */
export function JobInsights({ range }: { range: RangeInput }) {
  const q = useApiQuery('insights.jobs', range);
  const runs = (q.data?.jobs ?? []).reduce((n, j) => n + j.runs, 0);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Scheduled jobs
          </Title>
          <Text size="xs" c="dimmed">
            How long each job took over the range, and its slowest runs. Frequent checks (health
            polls, the router queue) are kept as hourly totals.
          </Text>
        </Stack>
        {q.isPending ? (
          <LoadingState label="Loading job runs…" />
        ) : q.isError ? (
          <ErrorState
            title="Could not load the job history"
            error={q.error}
            onRetry={() => void q.refetch()}
          />
        ) : (
          <>
            <Text size="sm">{`${counted(runs, 'run')} in the range`}</Text>
            <Durations data={q.data} />
            <Title order={3} size="h5" mt="sm">
              Slowest runs
            </Title>
            <SlowestRuns data={q.data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
