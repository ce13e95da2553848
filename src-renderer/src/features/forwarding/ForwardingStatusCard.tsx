import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ForwardingStatus } from '@contract/schemas/forwarding';
import { formatDistanceStrict } from 'date-fns';
import { formatNumber } from '../../lib/format';
import { useOfficeClock } from '../../lib/office-clock-context';

const behindWords = (s: ForwardingStatus): string => {
  if (s.behindEntries === 0) return 'Up to date: every entry has been sent.';
  const count = `${formatNumber(s.behindEntries)} ${s.behindEntries === 1 ? 'entry' : 'entries'}`;
  const age = s.behindMs > 0 ? `, the oldest ${formatDistanceStrict(0, s.behindMs)} old` : '';
  return `${count} not sent yet${age}.`;
};

/** Log forwarding on the Jobs screen: where it sends, whether it is connected, how far behind. */
export function ForwardingStatusCard({ status }: { status: ForwardingStatus }) {
  const clock = useOfficeClock();
  const { settings } = status;
  const target = `${settings.host}:${String(settings.port)}${settings.tls ? ' (TLS)' : ''}`;
  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-label="Log forwarding">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4">
            Log forwarding
          </Title>
          {!settings.enabled ? (
            <Badge color="gray" variant="light">
              Off
            </Badge>
          ) : status.connected ? (
            <Badge color="green" variant="light">
              Connected
            </Badge>
          ) : (
            <Badge color="red" variant="light">
              Not connected
            </Badge>
          )}
        </Group>
        {!settings.enabled ? (
          <Text size="sm" c="dimmed">
            The activity log is not sent to a log server. An administrator can turn it on in
            Settings.
          </Text>
        ) : (
          <>
            <Text size="sm">
              Every activity-log entry goes to <strong>{target}</strong> as RFC 5424 syslog.
            </Text>
            <Text size="sm">{behindWords(status)}</Text>
            {status.lastSentAt !== null && (
              <Text size="sm" c="dimmed">
                Last sent {clock.relative(status.lastSentAt)}.
              </Text>
            )}
            {status.lastError !== null && (
              <Text size="sm" c="red">
                Last error
                {status.lastErrorAt !== null
                  ? ` (${clock.relative(status.lastErrorAt)})`
                  : ''}: {status.lastError}. It retries on its own and catches up in order.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
