import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { Router } from '@contract/schemas/routers';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';

import { useSession } from '../auth/session-context';
import { ActivityTimeline } from '../activity/ActivityTimeline';
import { HealthHistory } from './HealthHistory';
import { QueuePanel } from './QueuePanel';
import { RouterStatusBadge } from './RouterStatusBadge';
import { SyncPanel } from './SyncPanel';
import { TLS_LABELS, formatPct, formatUptime } from './router-labels';
import { ROUTERS_REFRESH_MS } from './use-routers';
import { useOfficeClock } from '../../lib/office-clock-context';
import { OfficeGate } from '../settings/OfficeGate';

function Details({ router }: { router: Router }) {
  const clock = useOfficeClock();
  const rows: [string, string][] = [
    ['Address', `${router.host}${router.port === null ? '' : `:${String(router.port)}`}`],
    ['API-SSL', TLS_LABELS[router.tls]],
    ['API user', router.apiUser],
    ['Poll interval', `${String(router.pollIntervalSec)} s`],
    ['Identity', router.identity ?? '—'],
    ['Version', router.version ?? '—'],
    ['Board', router.board ?? '—'],
    ['Uptime', formatUptime(router.uptimeSec)],
    ['CPU', formatPct(router.cpuLoad)],
    ['Memory', formatPct(router.memoryUsedPct)],
    ['Active sessions', router.activeSessions === null ? '—' : String(router.activeSessions)],
    ['Latency', router.latencyMs === null ? '—' : `${String(router.latencyMs)} ms`],
    ['Last seen', router.lastSeenAt === null ? 'Never' : clock.dateTime(router.lastSeenAt)],
    ['Clients', String(router.clientCount)],
    ['Pending changes', String(router.pendingChanges)],
  ];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Router details">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {rows.map(([label, value]) => (
          <Stack gap={0} key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      {router.lastError && (
        <Text size="sm" c="red" mt="sm">
          Last error: {router.lastError}
        </Text>
      )}
    </Paper>
  );
}

/** One router: details, health history, provisioning queue, sync, and its activity. */
/** Inside the office gate: every time on this screen is in the office's zone. */
export function RouterPage() {
  return (
    <OfficeGate>
      <RouterScreen />
    </OfficeGate>
  );
}

function RouterScreen() {
  const { routerId } = useParams();
  const id = Number(routerId);
  const { can } = useSession();
  const valid = Number.isInteger(id) && id > 0;
  const health = useApiQuery(
    'routers.health',
    { id },
    { enabled: valid, refetchInterval: ROUTERS_REFRESH_MS },
  );

  if (!valid) return <ErrorState title="No such router" error={new Error('Invalid router id.')} />;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/routers" size="sm">
        ← All routers
      </Anchor>
      {health.isPending ? (
        <LoadingState label="Loading the router…" />
      ) : health.isError ? (
        <ErrorState
          title="Could not load the router"
          error={health.error}
          onRetry={() => void health.refetch()}
        />
      ) : (
        <>
          <Group gap="sm" align="center">
            <Title order={1} size="h2">
              {health.data.router.name}
            </Title>
            <RouterStatusBadge router={health.data.router} />
          </Group>
          <Details router={health.data.router} />
          <HealthHistory routerId={id} />
          <QueuePanel routerId={id} canRun={can('sync.run')} />
          <SyncPanel routerId={id} canRun={can('sync.run')} />
          {can('activity.read') && (
            <ActivityTimeline
              filter={{ routerId: id }}
              title={`Activity for ${health.data.router.name}`}
            />
          )}
        </>
      )}
    </Stack>
  );
}
