import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dashboard, OfficeGlance } from '@contract/schemas/reports';
import { formatMoney } from '@domain/money';
import { formatNumber } from '../../lib/format';
import { IncomeChart } from '../reports/IncomeChart';
import { STATUS_COLORS, STATUS_LABELS } from '../routers/router-labels';
import { useOffice } from '../settings/office-context';

function Panel({
  title,
  link,
  children,
}: {
  title: string;
  link?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Title order={2} size="h5">
          {title}
        </Title>
        {link}
      </Group>
      {children}
    </Paper>
  );
}

const Count = ({ label, n, color }: { label: string; n: number; color: string }) => (
  <Badge variant={n > 0 ? 'light' : 'outline'} color={n > 0 ? color : 'gray'} size="lg">
    {`${label} ${formatNumber(n)}`}
  </Badge>
);

function RoutersPanel({ routers }: { routers: NonNullable<OfficeGlance['routers']> }) {
  const { dateTime } = useOffice();
  const problem = routers.lastProblem;
  return (
    <Panel
      title="Routers"
      link={
        <Anchor component={Link} to="/routers" size="sm">
          Open routers
        </Anchor>
      }
    >
      <Group gap="xs" mb="xs">
        <Count label="Online" n={routers.online} color="teal" />
        <Count label="Offline" n={routers.offline} color="red" />
        <Count label="Degraded" n={routers.degraded} color="orange" />
        {routers.unknown > 0 && <Count label="Not checked yet" n={routers.unknown} color="gray" />}
        {routers.disabled > 0 && <Count label="Disabled" n={routers.disabled} color="gray" />}
      </Group>
      {problem ? (
        <Text size="sm" data-testid="last-router-problem">
          <Anchor component={Link} to={`/routers/${String(problem.routerId)}`} fw={600}>
            {problem.name}
          </Anchor>
          <Text span c={STATUS_COLORS[problem.status]} fw={600}>
            {` ${STATUS_LABELS[problem.status].toLowerCase()}`}
          </Text>
          {` since ${dateTime(problem.since)}`}
          {problem.message && `: ${problem.message}`}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No router has a problem.
        </Text>
      )}
    </Panel>
  );
}

function QueuePanel({ queue }: { queue: NonNullable<OfficeGlance['queue']> }) {
  return (
    <Panel
      title="Provisioning queue"
      link={
        <Anchor component={Link} to="/routers" size="sm">
          Open routers
        </Anchor>
      }
    >
      {queue.waiting === 0 ? (
        <Text size="sm" c="dimmed">
          Every change has reached its router.
        </Text>
      ) : (
        <Group gap="xs">
          <Count label="Changes waiting" n={queue.waiting} color="blue" />
          <Count label="Failing, retried" n={queue.failing} color="red" />
        </Group>
      )}
    </Panel>
  );
}

function JobsPanel({ jobs }: { jobs: NonNullable<OfficeGlance['failingJobs']> }) {
  const { dateTime } = useOffice();
  return (
    <Panel
      title="Scheduled jobs"
      link={
        <Anchor component={Link} to="/jobs" size="sm">
          Open jobs
        </Anchor>
      }
    >
      {jobs.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every job&apos;s last run succeeded.
        </Text>
      ) : (
        <Stack gap={4} aria-label="Failing jobs">
          {jobs.map((j) => (
            <Text size="sm" key={j.name}>
              <Text span fw={600} c="red">
                {j.label}
              </Text>
              {` failed${j.lastRunAt === null ? '' : ` at ${dateTime(j.lastRunAt)}`}`}
              {j.consecutiveFailures > 1 &&
                ` (${formatNumber(j.consecutiveFailures)} runs in a row)`}
              {j.error && `: ${j.error}`}
            </Text>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function IncomePanel({
  income,
  currency,
}: {
  income: NonNullable<OfficeGlance['income']>;
  currency: Dashboard['currency'];
}) {
  const total = income.reduce((sum, d) => sum + d.net, 0);
  return (
    <Panel
      title="Income, last 30 days"
      link={
        <Anchor component={Link} to="/reports" size="sm">
          Open reports
        </Anchor>
      }
    >
      <Text size="sm" mb={4} data-testid="income-30-days">
        {`Net ${formatMoney(total, currency)}`}
      </Text>
      <IncomeChart
        bars={income.map((d) => ({ label: d.day, value: d.net }))}
        digits={currency.minorUnitDigits}
        height={130}
        label={`Net income per day for the last 30 days, in ${currency.code}`}
      />
    </Panel>
  );
}

/** Routers, the provisioning queue, failing jobs and a month of income: what needs a look. */
export function OfficeAtAGlance({ data }: { data: Dashboard }) {
  const { glance } = data;
  const showRouters = glance.routers !== null && glance.routers.total > 0;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {showRouters && glance.routers && <RoutersPanel routers={glance.routers} />}
      {showRouters && glance.queue && <QueuePanel queue={glance.queue} />}
      {glance.failingJobs && <JobsPanel jobs={glance.failingJobs} />}
      {glance.income && <IncomePanel income={glance.income} currency={data.currency} />}
    </SimpleGrid>
  );
}
