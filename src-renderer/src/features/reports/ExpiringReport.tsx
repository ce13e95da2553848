import { Anchor, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Out } from '@contract/api';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { ClientStatusBadge } from '../clients/ClientStatusBadge';
import { useOffice } from '../settings/office-context';
import { noun } from '@domain/plural';

type Page = Out<'reports.expiring'>;

/** Clients whose service ends in the next N days, soonest first, to call before they lapse. */
export function ExpiringReport() {
  const office = useOffice();
  const client = useApiClient();
  const [daysText, setDaysText] = useState('7');
  const days = /^\d{1,3}$/.test(daysText.trim()) ? Number(daysText.trim()) : NaN;
  const valid = Number.isInteger(days) && days >= 0 && days <= 366;

  const report = useInfiniteQuery<
    Page,
    ApiError,
    InfiniteData<Page, string | undefined>,
    readonly ['reports.expiring', { days: number }],
    string | undefined
  >({
    queryKey: ['reports.expiring', { days }],
    enabled: valid,
    initialPageParam: undefined,
    queryFn: ({ pageParam }) =>
      client.call('reports.expiring', {
        days,
        limit: 100,
        ...(pageParam === undefined ? {} : { cursor: pageParam }),
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = report.data?.pages[0];
  const clients = report.data?.pages.flatMap((p) => p.clients) ?? [];

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Expiring in the next (days)"
          inputMode="numeric"
          w={200}
          value={daysText}
          onChange={(e) => setDaysText(e.currentTarget.value)}
          error={valid ? undefined : '0 to 366 days'}
        />
        {first && (
          <Text size="sm" c="dimmed" data-testid="expiring-count">
            {`${formatNumber(first.total.count)}${first.total.capped ? '+' : ''} ${noun(first.total.capped ? 2 : first.total.count, 'client')} until ${office.dateTime(first.until)}`}
          </Text>
        )}
      </Group>
      {!valid ? null : report.isPending ? (
        <LoadingState label="Finding expiring clients…" />
      ) : report.isError ? (
        <ErrorState
          title="Could not load expiring clients"
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      ) : clients.length === 0 ? (
        <EmptyState>No active client expires in this window.</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" aria-label="Expiring clients">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Account</Table.Th>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>Plan</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Balance</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {clients.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {office.dateTime(c.expiresAt)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/clients/${String(c.id)}`} size="sm">
                        {c.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace">{c.accountNo}</Table.Td>
                    <Table.Td>{c.phone}</Table.Td>
                    <Table.Td>{c.planName}</Table.Td>
                    <Table.Td>
                      <ClientStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td ta="right">{office.money(c.balance)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={report.isFetchingNextPage}
                onClick={() => void report.fetchNextPage()}
              >
                Load more
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
