import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';

import { notifyError, notifySuccess } from '../../lib/notify';
import { ROUTERS_REFRESH_MS } from './use-routers';
import { useOfficeClock } from '../../lib/office-clock-context';
import { counted } from '@domain/plural';

/** The provisioning queue for one router: pending work, attempts, last error, "Retry now". */
export function QueuePanel({ routerId, canRun }: { routerId: number; canRun: boolean }) {
  const clock = useOfficeClock();
  const queue = useApiQuery('sync.queue', { routerId }, { refetchInterval: ROUTERS_REFRESH_MS });
  const retry = useApiMutation('sync.retryNow', {
    onSuccess: (r) => {
      notifySuccess(`${counted(r.rescheduled, 'item')} will be retried now.`);
      void queue.refetch();
    },
    onError: (error) => notifyError(error, 'Could not retry'),
  });

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Provisioning queue">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h5">
            Provisioning queue
          </Title>
          {canRun && queue.data && queue.data.total > 0 && (
            <Button
              size="xs"
              variant="light"
              loading={retry.isPending && retry.variables?.itemId === undefined}
              onClick={() => retry.mutate({ routerId })}
            >
              Retry all now
            </Button>
          )}
        </Group>
        {queue.isPending ? (
          <LoadingState label="Loading the queue…" />
        ) : queue.isError ? (
          <ErrorState
            title="Could not load the queue"
            error={queue.error}
            onRetry={() => void queue.refetch()}
          />
        ) : queue.data.items.length === 0 ? (
          <EmptyState>Nothing waiting: the router has every change.</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" aria-label="Pending changes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Attempts</Table.Th>
                  <Table.Th>Last error</Table.Th>
                  <Table.Th>Next attempt</Table.Th>
                  {canRun && <Table.Th>Actions</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{item.subjectLabel}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {item.reason}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.lastError ? 'red' : 'dimmed'}>
                        {item.lastError ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{clock.dateTimeShort(item.nextAttemptAt)}</Table.Td>
                    {canRun && (
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Retry ${item.subjectLabel} now`}
                          loading={retry.isPending && retry.variables?.itemId === item.id}
                          onClick={() => retry.mutate({ itemId: item.id })}
                        >
                          Retry now
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {queue.data && queue.data.total > queue.data.items.length && (
          <Text size="xs" c="dimmed">
            Showing {queue.data.items.length} of {queue.data.total}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
