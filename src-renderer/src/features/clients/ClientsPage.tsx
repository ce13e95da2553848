import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ClientListItem, ClientSort } from '@contract/schemas/clients';
import { useApiQuery } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { TakePaymentModal } from '../billing/TakePaymentModal';
import { usePlans } from '../plans/use-plans';
import { OfficeGate } from '../settings/OfficeGate';
import { ClientFilters } from './ClientFilters';
import { ClientFormModal } from './ClientFormModal';
import { ClientsTable, Pager } from './ClientsTable';
import { ExportClientsButton } from './ExportClientsButton';
import { ExportWithPasswordsButton } from './ExportWithPasswordsButton';
import { ImportClientsModal } from './ImportClientsModal';
import { RunExpiryButton } from './RunExpiryButton';
import {
  clientViewFromParams,
  clientViewToParams,
  isClientViewFiltered,
  nextSort,
  toClientFilter,
} from './client-list-params';
import type { ClientListView } from './client-list-params';
import { CLIENT_PAGE_SIZE, useClientList, useInvalidateClientData } from './use-clients';

export function ClientsPage() {
  return (
    <OfficeGate>
      <ClientsScreen />
    </OfficeGate>
  );
}

const countText = (count: number, capped: boolean) =>
  `${formatNumber(count)}${capped ? '+' : ''} client${count === 1 && !capped ? '' : 's'}`;

function ClientsScreen() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => clientViewFromParams(params), [params]);
  const viewKey = clientViewToParams(view).toString();
  const plans = usePlans();
  // Names through the clients procedures: a cashier may not read routers, but sees their names.
  const routers = useApiQuery('clients.routers', undefined);
  const invalidate = useInvalidateClientData();
  const [dialog, setDialog] = useState<
    { kind: 'create' } | { kind: 'import' } | { kind: 'pay'; client: ClientListItem } | null
  >(null);

  const setView = (next: ClientListView) => setParams(clientViewToParams(next), { replace: true });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Clients
        </Title>
        <Group gap="sm">
          {can('sync.run') && <RunExpiryButton onDone={() => void invalidate()} />}
          {can('clients.export') && <ExportClientsButton filter={toClientFilter(view)} />}
          {can('clients.export') && can('clients.revealPassword') && (
            <ExportWithPasswordsButton filter={toClientFilter(view)} />
          )}
          {can('clients.import') && (
            <Button variant="default" onClick={() => setDialog({ kind: 'import' })}>
              Import CSV
            </Button>
          )}
          {can('clients.manage') && (
            <Button onClick={() => setDialog({ kind: 'create' })}>Add client</Button>
          )}
        </Group>
      </Group>

      <ClientFilters
        view={view}
        plans={plans.data ?? []}
        routers={routers.data ?? []}
        onChange={setView}
      />

      <ClientResults
        viewKey={viewKey}
        view={view}
        onSort={(by) => setView({ ...view, sort: nextSort(view.sort, by) })}
        onPay={can('billing.pay') ? (client) => setDialog({ kind: 'pay', client }) : undefined}
      />

      <ClientFormModal
        client={null}
        opened={dialog?.kind === 'create'}
        onClose={() => setDialog(null)}
        onSaved={(client) => {
          setDialog(null);
          void invalidate();
          notifySuccess(`${client.fullName} was added as ${client.accountNo}.`);
          void navigate(`/clients/${String(client.id)}`);
        }}
      />
      <ImportClientsModal
        opened={dialog?.kind === 'import'}
        onClose={() => setDialog(null)}
        onImported={() => void invalidate()}
      />
      <TakePaymentModal
        client={dialog?.kind === 'pay' ? dialog.client : null}
        onClose={() => setDialog(null)}
        onPaid={(result) => {
          setDialog(null);
          void invalidate();
          if (result.receipt) void navigate(`/receipts/${String(result.receipt.number)}`);
        }}
      />
    </Stack>
  );
}

function ClientResults({
  viewKey,
  view,
  onSort,
  onPay,
}: {
  /** The view as a string; a new filter or sort starts again at the first page. */
  viewKey: string;
  view: ClientListView;
  onSort: (by: ClientSort['by']) => void;
  onPay?: (client: ClientListItem) => void;
}) {
  // Cursors of the pages before the current one: "Previous" pops, "Next" pushes.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: viewKey,
    cursors: [undefined],
  });
  if (paging.key !== viewKey) setPaging({ key: viewKey, cursors: [undefined] });
  const cursors = paging.key === viewKey ? paging.cursors : [undefined];
  const setCursors = (update: (c: (string | undefined)[]) => (string | undefined)[]) =>
    setPaging((p) => ({ ...p, cursors: update(p.cursors) }));
  const cursor = cursors[cursors.length - 1];
  const list = useClientList({
    filter: toClientFilter(view),
    sort: view.sort,
    limit: CLIENT_PAGE_SIZE,
    ...(cursor === undefined ? {} : { cursor }),
  });

  if (list.isPending) return <LoadingState label="Loading clients…" />;
  if (list.isError && !list.data) {
    return (
      <ErrorState
        title="Could not load clients"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    );
  }
  const { items, nextCursor, total } = list.data;
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-live="polite" mih={22}>
        <Text size="sm" c="dimmed" data-testid="clients-count">
          {countText(total.count, total.capped)}
        </Text>
        {list.isFetching && <Loader size="xs" aria-label="Updating results" />}
      </Group>
      {list.isError && <ErrorState title="Could not refresh the list" error={list.error} />}
      {items.length === 0 ? (
        <EmptyState>
          {isClientViewFiltered(view) ? 'No clients match these filters.' : 'No clients yet.'}
        </EmptyState>
      ) : (
        <ClientsTable
          clients={items}
          sort={view.sort}
          onSort={onSort}
          renderActions={
            onPay
              ? (c) =>
                  c.status === 'archived' ? null : (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`Take payment from ${c.fullName}`}
                      onClick={() => onPay(c)}
                    >
                      Pay
                    </Button>
                  )
              : undefined
          }
        />
      )}
      {(cursors.length > 1 || nextCursor !== null) && (
        <Pager
          page={cursors.length}
          hasPrevious={cursors.length > 1}
          hasNext={nextCursor !== null}
          loading={list.isFetching}
          onPrevious={() => setCursors((c) => c.slice(0, -1))}
          onNext={() => nextCursor !== null && setCursors((c) => [...c, nextCursor])}
        />
      )}
    </Stack>
  );
}
