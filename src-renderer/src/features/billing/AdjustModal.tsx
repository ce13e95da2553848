import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { AdjustInput, type MoneyResult } from '@contract/schemas/billing';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../auth/session-context';
import { useOffice } from '../settings/office-context';
import { MoneyInput } from './MoneyInput';
import type { MoneyClient } from './money-client';
import { parseMoney } from './money';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { checkInput } from '../../lib/validate';

export function AdjustModal({
  client,
  onClose,
  onAdjusted,
}: {
  client: MoneyClient | null;
  onClose: () => void;
  onAdjusted: (result: MoneyResult) => void;
}) {
  return (
    <Modal opened={client !== null} onClose={onClose} title="Adjust balance" centered>
      {client && (
        <AdjustForm key={client.id} client={client} onCancel={onClose} onAdjusted={onAdjusted} />
      )}
    </Modal>
  );
}

function AdjustForm({
  client,
  onCancel,
  onAdjusted,
}: {
  client: MoneyClient;
  onCancel: () => void;
  onAdjusted: (result: MoneyResult) => void;
}) {
  const { can } = useSession();
  const office = useOffice();
  const digits = office.currency.minorUnitDigits;
  const limit = office.settings.adjustmentLimit;
  const aboveLimitAllowed = can('billing.adjustAboveLimit');
  const [direction, setDirection] = useState<'credit' | 'debit'>('credit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const adjust = useApiMutation('billing.adjust', { onSuccess: onAdjusted });
  const generalError = serverFormError(adjust.error, ['amount', 'reason']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseMoney(amount, digits);
    const magnitude = parsed.ok ? parsed.value : 0;
    const checked = checkInput(AdjustInput, {
      clientId: client.id,
      amount: direction === 'credit' ? magnitude : -magnitude,
      reason,
    });
    const next: typeof errors = checked.ok ? {} : { ...checked.errors };
    if (!parsed.ok) next.amount = parsed.error;
    else if (parsed.value > limit && !aboveLimitAllowed) {
      next.amount = `Above ${office.money(limit)} only an administrator can adjust a balance`;
    }
    setErrors(next);
    if (checked.ok && !next.amount) adjust.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Adjust balance">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="The balance was not adjusted">
            {generalError}
          </Alert>
        )}
        <Text size="sm">
          {`${client.fullName} (${client.accountNo}): balance ${office.money(client.balance)}.`}
          {aboveLimitAllowed ? '' : ` Adjustments up to ${office.money(limit)}.`}
        </Text>
        <Radio.Group
          label="Direction"
          value={direction}
          onChange={(v) => setDirection(v === 'debit' ? 'debit' : 'credit')}
        >
          <Group gap="md" mt={6}>
            <Radio value="credit" label="Credit (the client owes less)" />
            <Radio value="debit" label="Debit (the client owes more)" />
          </Group>
        </Radio.Group>
        <MoneyInput
          label="Adjustment amount"
          data-autofocus
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            setErrors((x) => ({ ...x, amount: undefined }));
          }}
          error={errors.amount ?? serverFieldError(adjust.error, 'amount')}
        />
        <Textarea
          label="Reason"
          description="Required; kept in the ledger and the activity log"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          error={errors.reason ?? serverFieldError(adjust.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={adjust.isPending}>
            Record adjustment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
