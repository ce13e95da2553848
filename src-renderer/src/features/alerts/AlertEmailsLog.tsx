import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AlertEmail } from '@contract/schemas/alerts';
import { useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { useOfficeClock } from '../../lib/office-clock-context';

const STATUS: Record<AlertEmail['status'], { label: string; color: string }> = {
  pending: { label: 'Waiting to retry', color: 'yellow' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Gave up', color: 'red' },
};

/** The alert email send log: each mail to the owner, its attempts and how it ended. */
export function AlertEmailsLog() {
  const clock = useOfficeClock();
  const q = useApiQuery('alerts.emails', undefined);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Stack gap={0}>
          <Title order={2} size="h4">
            Alert email
          </Title>
          <Text size="xs" c="dimmed">
            The latest mails about alerts, newest first ({clock.zone}). A failed send is retried
            with growing waits before it gives up.
          </Text>
        </Stack>
        {q.isPending ? (
          <LoadingState label="Loading the send log…" />
        ) : q.isError ? (
          <ErrorState
            title="Could not load the send log"
            error={q.error}
            onRetry={() => void q.refetch()}
          />
        ) : q.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            No alert email has been sent.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped data-testid="alert-emails">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Queued</Table.Th>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Alert</Table.Th>
                  <Table.Th ta="right">Attempts</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Last error</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.map((m) => (
                  <Table.Tr key={m.id} data-testid="alert-email-row">
                    <Table.Td>{clock.dateTimeShort(m.createdAt)}</Table.Td>
                    <Table.Td>{m.recipient}</Table.Td>
                    <Table.Td>{m.subject}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.attempts)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS[m.status].color} variant="light">
                        {STATUS[m.status].label}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {m.status === 'sent' && m.sentAt !== null
                          ? clock.dateTimeShort(m.sentAt)
                          : m.status === 'pending' && m.nextAttemptAt !== null
                            ? `next try ${clock.dateTimeShort(m.nextAttemptAt)}`
                            : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c={m.lastError ? 'red' : 'dimmed'}>
                        {m.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
