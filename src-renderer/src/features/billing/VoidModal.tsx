import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { VoidInput, type LedgerEntry, type MoneyResult } from '@contract/schemas/billing';
import { useApiMutation } from '../../api/hooks';
import { KIND_LABELS } from './billing-labels';
import { useOffice } from '../settings/office-context';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { checkInput } from '../../lib/validate';

const VERBS: Partial<Record<LedgerEntry['kind'], string>> = {
  payment: 'taken',
  refund: 'paid back',
  adjustment: 'made',
};

export function VoidModal({
  entry,
  onClose,
  onVoided,
}: {
  entry: LedgerEntry | null;
  onClose: () => void;
  onVoided: (result: MoneyResult) => void;
}) {
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? `Void ${KIND_LABELS[entry.kind].toLowerCase()}` : 'Void'}
      centered
    >
      {entry && <VoidForm key={entry.id} entry={entry} onCancel={onClose} onVoided={onVoided} />}
    </Modal>
  );
}

function VoidForm({
  entry,
  onCancel,
  onVoided,
}: {
  entry: LedgerEntry;
  onCancel: () => void;
  onVoided: (result: MoneyResult) => void;
}) {
  const office = useOffice();
  const what = KIND_LABELS[entry.kind].toLowerCase();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const voidEntry = useApiMutation('billing.void', { onSuccess: onVoided });
  const generalError = serverFormError(voidEntry.error, ['reason']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const checked = checkInput(VoidInput, { entryId: entry.id, reason });
    if (!checked.ok) {
      setReasonError(checked.errors.reason ?? Object.values(checked.errors)[0]);
      return;
    }
    voidEntry.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Void ${what}`}>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Not voided">
            {generalError}
          </Alert>
        )}
        <Text size="sm">
          {`The ${what} of ${office.money(Math.abs(entry.amount))} ${VERBS[entry.kind] ?? 'made'} on ${office.dateTime(entry.createdAt)} by ${entry.staffName} is reversed by an equal and opposite entry${entry.receiptNumber === null ? '' : '; its receipt then reads VOID'}. Nothing is deleted.`}
        </Text>
        <Textarea
          label="Reason"
          description="Required; kept in the ledger and the activity log"
          rows={2}
          maxLength={500}
          data-autofocus
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(undefined);
          }}
          error={reasonError ?? serverFieldError(voidEntry.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={voidEntry.isPending}>
            {`Void ${what}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
