import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { RefundInput } from '@contract/schemas/billing';
import type { LedgerEntry, MoneyResult, PaymentMethod } from '@contract/schemas/billing';
import { useApiMutation } from '../../api/hooks';
import { useOffice } from '../settings/office-context';
import { MethodRadios } from './MethodRadios';
import { MoneyInput } from './MoneyInput';
import { minorToInput } from '@domain/money';
import { parseMoney } from './money';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { checkInput } from '../../lib/validate';

/** What is left to refund on a payment. */
export const refundable = (payment: LedgerEntry): number =>
  payment.voided ? 0 : Math.max(payment.amount - payment.refunded, 0);

export function RefundModal({
  payment,
  onClose,
  onRefunded,
}: {
  payment: LedgerEntry | null;
  onClose: () => void;
  onRefunded: (result: MoneyResult) => void;
}) {
  return (
    <Modal opened={payment !== null} onClose={onClose} title="Refund payment" centered>
      {payment && (
        <RefundForm key={payment.id} payment={payment} onCancel={onClose} onRefunded={onRefunded} />
      )}
    </Modal>
  );
}

function RefundForm({
  payment,
  onCancel,
  onRefunded,
}: {
  payment: LedgerEntry;
  onCancel: () => void;
  onRefunded: (result: MoneyResult) => void;
}) {
  const office = useOffice();
  const digits = office.currency.minorUnitDigits;
  const max = refundable(payment);
  const [amount, setAmount] = useState(minorToInput(max, digits));
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<PaymentMethod>(payment.method ?? 'cash');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const refund = useApiMutation('billing.refund', { onSuccess: onRefunded });
  const generalError = serverFormError(refund.error, ['amount', 'reason', 'method']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseMoney(amount, digits);
    const checked = checkInput(RefundInput, {
      paymentId: payment.id,
      amount: parsed.ok ? parsed.value : 0,
      reason,
      method,
    });
    const next: typeof errors = checked.ok ? {} : { ...checked.errors };
    if (!parsed.ok) next.amount = parsed.error;
    else if (parsed.value > max) next.amount = `At most ${office.money(max)} can be refunded`;
    setErrors(next);
    if (checked.ok && !next.amount) refund.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Refund payment">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Nothing was refunded">
            {generalError}
          </Alert>
        )}
        <Text size="sm">
          {`Payment of ${office.money(payment.amount)} on ${office.dateTime(payment.createdAt)}`}
          {payment.refunded > 0 ? `; ${office.money(payment.refunded)} already refunded` : ''}
          {`. At most ${office.money(max)} can be refunded.`}
        </Text>
        <MoneyInput
          label="Refund amount"
          data-autofocus
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            setErrors((x) => ({ ...x, amount: undefined }));
          }}
          error={errors.amount ?? serverFieldError(refund.error, 'amount')}
        />
        <MethodRadios label="Paid back by" value={method} onChange={setMethod} />
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
          error={errors.reason ?? serverFieldError(refund.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="grape" loading={refund.isPending}>
            Record refund
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
