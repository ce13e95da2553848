import {
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Dashboard } from '@contract/schemas/reports';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { TYPE_LABELS } from '../activity/activity-labels';
import { useSession } from '../auth/session-context';
import { formatMoney } from '@domain/money';
import { OfficeGate } from '../settings/OfficeGate';
import { useOffice } from '../settings/office-context';
import { FirstSteps } from './FirstSteps';
import { OfficeAtAGlance } from './OfficeAtAGlance';

const EXPIRING_DAYS = 7;

export function DashboardPage() {
  return (
    <OfficeGate>
      <DashboardScreen />
    </OfficeGate>
  );
}

function Stat({
  label,
  value,
  to,
  color,
}: {
  label: string;
  value: string;
  to?: string;
  color?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md" aria-label={label} role="group">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} data-testid={`stat-${label}`}>
        {value}
      </Text>
      {to && (
        <Anchor component={Link} to={to} size="xs" aria-label={`Show ${label.toLowerCase()}`}>
          Show
        </Anchor>
      )}
    </Paper>
  );
}

function FindClient() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const q = text.trim();
    void navigate(q ? `/clients?q=${encodeURIComponent(q)}` : '/clients');
  };
  return (
    <form onSubmit={submit} aria-label="Find a client">
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Find a client"
          placeholder="Name, account, phone, login or IP"
          type="search"
          w={320}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Button type="submit" variant="default">
          Find
        </Button>
      </Group>
    </form>
  );
}

function RecentActivity({ entries }: { entries: Dashboard['recentActivity'] }) {
  const { dateTime } = useOffice();
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="recent-activity">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="recent-activity">
          Recent activity
        </Title>
        <Anchor component={Link} to="/activity" size="sm">
          Open the activity log
        </Anchor>
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing={4} striped aria-label="Recent activity">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Staff</Table.Th>
                <Table.Th>Description</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(e.ts)}</Table.Td>
                  <Table.Td>{TYPE_LABELS[e.type]}</Table.Td>
                  <Table.Td>{e.actor?.name ?? 'System'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {e.description}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function DashboardScreen() {
  const { can } = useSession();
  const dashboard = useApiQuery('reports.dashboard', { expiringWithinDays: EXPIRING_DAYS });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Dashboard
        </Title>
        <FindClient />
      </Group>
      {dashboard.isPending ? (
        <LoadingState label="Loading the dashboard…" />
      ) : dashboard.isError ? (
        <ErrorState
          title="Could not load the dashboard"
          error={dashboard.error}
          onRetry={() => void dashboard.refetch()}
        />
      ) : (
        <DashboardBody data={dashboard.data} canReadActivity={can('activity.read')} />
      )}
    </Stack>
  );
}

function DashboardBody({ data, canReadActivity }: { data: Dashboard; canReadActivity: boolean }) {
  const { counts, expiringWithinDays: days } = data;
  return (
    <Stack gap="md">
      <FirstSteps done={data.glance.firstSteps} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat
          label="Active"
          value={formatNumber(counts.active)}
          to="/clients?status=active"
          color="teal"
        />
        <Stat
          label="Expired"
          value={formatNumber(counts.expired)}
          to="/clients?status=expired"
          color="red"
        />
        <Stat
          label={`Expiring within ${String(days)} days`}
          value={formatNumber(counts.expiringSoon)}
          to={`/clients?within=${String(days)}&sort=expiresAt`}
          color="orange"
        />
        {data.todayIncome !== null && (
          <Stat
            label="Today's income"
            value={formatMoney(data.todayIncome, data.currency)}
            to="/reports?tab=drawer"
          />
        )}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {`Awaiting first payment ${formatNumber(counts.awaitingPayment)} · Suspended ${formatNumber(counts.suspended)} · Disabled ${formatNumber(counts.disabled)} · Archived ${formatNumber(counts.archived)}`}
      </Text>
      <OfficeAtAGlance data={data} />
      {canReadActivity && <RecentActivity entries={data.recentActivity} />}
    </Stack>
  );
}
