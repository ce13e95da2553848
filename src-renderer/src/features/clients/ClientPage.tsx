import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatDistanceToNowStrict } from 'date-fns';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { LedgerEntry, MoneyResult } from '@contract/schemas/billing';
import type { Client } from '@contract/schemas/clients';
import { useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ActivityTimeline } from '../activity/ActivityTimeline';
import { useSession } from '../auth/session-context';
import { AdjustModal } from '../billing/AdjustModal';
import { CorrectExpiryModal } from '../billing/CorrectExpiryModal';
import { LedgerTable } from '../billing/LedgerTable';
import { RefundModal } from '../billing/RefundModal';
import { RenewModal } from '../billing/RenewModal';
import { TakePaymentModal } from '../billing/TakePaymentModal';
import { VoidModal } from '../billing/VoidModal';
import { useLedger } from '../billing/use-ledger';
import { usePlans } from '../plans/use-plans';
import { OfficeGate } from '../settings/OfficeGate';
import { useOffice } from '../settings/office-context';
import { ArchiveClientModal } from './ArchiveClientModal';
import { ClientDetails } from './ClientDetails';
import { ClientFormModal } from './ClientFormModal';
import { ClientStatusBadge } from './ClientStatusBadge';
import { RevealPasswordButton } from './RevealPasswordButton';
import { useClient, useInvalidateClientData } from './use-clients';

type Dialog =
  | { kind: 'pay' }
  | { kind: 'renew' }
  | { kind: 'adjust' }
  | { kind: 'expiry' }
  | { kind: 'edit' }
  | { kind: 'archive' }
  | { kind: 'refund'; entry: LedgerEntry }
  | { kind: 'void'; entry: LedgerEntry };

export function ClientPage() {
  const id = Number(useParams().clientId);
  if (!Number.isSafeInteger(id) || id <= 0) {
    return <ErrorState title="No such client" error={new Error('Client ids are whole numbers.')} />;
  }
  return (
    <OfficeGate>
      <ClientScreen key={id} id={id} />
    </OfficeGate>
  );
}

function Figure({
  label,
  value,
  hint,
  color,
}: {
  label: string;
  value: string;
  hint?: string;
  color?: string;
}) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={`client-${label.toLowerCase()}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" data-testid={`client-${label.toLowerCase()}-hint`}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function ClientScreen({ id }: { id: number }) {
  const { can } = useSession();
  const office = useOffice();
  const navigate = useNavigate();
  const query = useClient(id);
  usePlans(); // the money dialogs read plan prices and validity from this cache
  const invalidate = useInvalidateClientData();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const afterMoney = (message: (result: MoneyResult) => string) => (result: MoneyResult) => {
    setDialog(null);
    void invalidate();
    notifySuccess(message(result));
  };
  const restore = useApiMutation('clients.restore', {
    onSuccess: (c) => {
      void invalidate();
      notifySuccess(`${c.fullName} was restored (now ${c.status}).`);
    },
    onError: (error) => notifyError(error, 'Not restored'),
  });

  if (query.isPending) return <LoadingState label="Loading the client…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not load the client"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const client = query.data;
  const archived = client.status === 'archived';
  // Past expiry but not yet expired by expiry processing: the plan's grace.
  const inGrace =
    client.status === 'active' &&
    client.expiresAt <= query.dataUpdatedAt &&
    client.graceEndsAt !== null &&
    client.graceEndsAt > query.dataUpdatedAt;
  const expiresIn =
    client.expiresAt > query.dataUpdatedAt
      ? `in ${formatDistanceToNowStrict(client.expiresAt)}`
      : `${formatDistanceToNowStrict(client.expiresAt)} ago`;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/clients" size="sm" className="no-print">
        ← All clients
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2">
              {client.fullName}
            </Title>
            <span data-testid="client-status">
              <ClientStatusBadge status={client.status} />
            </span>
          </Group>
          <Text size="sm" c="dimmed" ff="monospace" data-testid="client-account">
            {client.accountNo}
          </Text>
        </Stack>
        <Group gap="xs" className="no-print" role="toolbar" aria-label="Client actions">
          {can('billing.pay') && (
            <Button disabled={archived} onClick={() => setDialog({ kind: 'pay' })}>
              Take payment
            </Button>
          )}
          {can('billing.renew') && (
            <Button
              variant="light"
              disabled={archived}
              onClick={() => setDialog({ kind: 'renew' })}
            >
              Renew
            </Button>
          )}
          {can('billing.adjust') && (
            <Button
              variant="default"
              disabled={archived}
              onClick={() => setDialog({ kind: 'adjust' })}
            >
              Adjust balance
            </Button>
          )}
          {can('billing.correctExpiry') && (
            <Button
              variant="default"
              disabled={archived}
              onClick={() => setDialog({ kind: 'expiry' })}
            >
              Correct expiry
            </Button>
          )}
          {can('clients.manage') && (
            <Button
              variant="default"
              disabled={archived}
              onClick={() => setDialog({ kind: 'edit' })}
            >
              Edit client
            </Button>
          )}
          {can('clients.manage') &&
            (archived ? (
              <Button
                variant="default"
                loading={restore.isPending}
                onClick={() => restore.mutate({ id: client.id })}
              >
                Restore client
              </Button>
            ) : (
              <Button variant="subtle" color="red" onClick={() => setDialog({ kind: 'archive' })}>
                Archive client
              </Button>
            ))}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label="Balance"
          value={office.money(client.balance)}
          hint={
            client.balance < 0 ? 'Owed by the client' : client.balance > 0 ? 'Credit' : 'Settled'
          }
          color={client.balance < 0 ? 'red' : undefined}
        />
        {client.status === 'awaiting_payment' ? (
          <Figure label="Expires" value="Not paid yet" hint="Take the first payment to activate" />
        ) : (
          <Figure
            label="Expires"
            value={office.dateTime(client.expiresAt)}
            hint={
              inGrace && client.graceEndsAt !== null
                ? `In grace until ${office.dateTime(client.graceEndsAt)} · ${office.timeZone}`
                : `${expiresIn} · ${office.timeZone}`
            }
          />
        )}
        <Figure label="Plan" value={client.planName} />
      </SimpleGrid>

      <ClientDetails
        client={client}
        extra={
          can('clients.revealPassword') && !archived ? (
            <Group mt="md" className="no-print">
              <RevealPasswordButton clientId={client.id} login={client.serviceLogin} />
            </Group>
          ) : undefined
        }
      />

      {can('billing.read') && (
        <ClientLedger
          client={client}
          onRefund={(entry) => setDialog({ kind: 'refund', entry })}
          onVoid={(entry) => setDialog({ kind: 'void', entry })}
        />
      )}

      {can('activity.read') && (
        <ActivityTimeline
          filter={{ clientId: client.id }}
          title={`Activity for ${client.fullName}`}
        />
      )}

      <TakePaymentModal
        client={dialog?.kind === 'pay' ? client : null}
        onClose={close}
        onPaid={(result) => {
          setDialog(null);
          void invalidate();
          if (result.receipt) {
            notifySuccess(`Payment recorded: receipt ${result.receipt.code}.`);
            void navigate(`/receipts/${String(result.receipt.number)}`);
          }
        }}
      />
      <RenewModal
        client={dialog?.kind === 'renew' ? client : null}
        onClose={close}
        onRenewed={(result) => {
          setDialog(null);
          void invalidate();
          notifySuccess(`Renewed until ${office.dateTime(result.client.expiresAt)}.`);
        }}
      />
      <AdjustModal
        client={dialog?.kind === 'adjust' ? client : null}
        onClose={close}
        onAdjusted={afterMoney(
          (r) => `Adjustment recorded; the balance is now ${office.money(r.client.balance)}.`,
        )}
      />
      <CorrectExpiryModal
        client={dialog?.kind === 'expiry' ? client : null}
        onClose={close}
        onCorrected={(c) => {
          setDialog(null);
          void invalidate();
          notifySuccess(`Service now ends ${office.dateTime(c.expiresAt)} (${c.status}).`);
        }}
      />
      <RefundModal
        payment={dialog?.kind === 'refund' ? dialog.entry : null}
        onClose={close}
        onRefunded={afterMoney((r) => `Refund recorded: receipt ${r.receipt?.code ?? ''}.`)}
      />
      <VoidModal
        entry={dialog?.kind === 'void' ? dialog.entry : null}
        onClose={close}
        onVoided={afterMoney(() => 'The payment was voided.')}
      />
      <ClientFormModal
        client={dialog?.kind === 'edit' ? client : null}
        opened={dialog?.kind === 'edit'}
        onClose={close}
        onSaved={(saved) => {
          setDialog(null);
          void invalidate();
          notifySuccess(`Changes to ${saved.fullName} were saved.`);
        }}
      />
      <ArchiveClientModal
        client={dialog?.kind === 'archive' ? client : null}
        onClose={close}
        onArchived={(c: Client) => {
          setDialog(null);
          void invalidate();
          notifySuccess(`${c.fullName} was archived.`);
        }}
      />
    </Stack>
  );
}

function ClientLedger({
  client,
  onRefund,
  onVoid,
}: {
  client: Client;
  onRefund: (entry: LedgerEntry) => void;
  onVoid: (entry: LedgerEntry) => void;
}) {
  const ledger = useLedger(client.id);
  const entries = ledger.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="ledger-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="ledger-title">
          Ledger
        </Title>
        {ledger.isPending ? (
          <LoadingState label="Loading the ledger…" />
        ) : ledger.isError ? (
          <ErrorState
            title="Could not load the ledger"
            error={ledger.error}
            onRetry={() => void ledger.refetch()}
          />
        ) : entries.length === 0 ? (
          <EmptyState>No charges or payments yet.</EmptyState>
        ) : (
          <>
            <LedgerTable entries={entries} onRefund={onRefund} onVoid={onVoid} />
            {ledger.hasNextPage && (
              <Group justify="center">
                <Button
                  size="xs"
                  variant="default"
                  loading={ledger.isFetchingNextPage}
                  onClick={() => void ledger.fetchNextPage()}
                >
                  Load older entries
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
