import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { PayInput, type MoneyResult, type PaymentMethod } from '@contract/schemas/billing';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../auth/session-context';
import { usePlans } from '../plans/use-plans';
import { useOffice } from '../settings/office-context';
import { isExpired, renewalPeriod } from '@domain/renewal-period';
import { MethodRadios } from './MethodRadios';
import { MoneyInput } from './MoneyInput';
import type { MoneyClient } from './money-client';
import { minorToInput } from '@domain/money';
import { parseMoney } from './money';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { checkInput } from '../../lib/validate';

/**
 * What the client most likely pays: the plan price less any credit when renewing, otherwise what
 * they owe; empty when neither applies (the cashier types it).
 */
export function suggestedAmount(
  client: Pick<MoneyClient, 'balance'>,
  renewalPrice: number | null,
  digits: number,
): string {
  const due = renewalPrice === null ? -client.balance : renewalPrice - client.balance;
  return due > 0 ? minorToInput(due, digits) : '';
}

export function TakePaymentModal({
  client,
  onClose,
  onPaid,
}: {
  /** The client paying; null closes the dialog. */
  client: MoneyClient | null;
  onClose: () => void;
  onPaid: (result: MoneyResult) => void;
}) {
  return (
    <Modal
      opened={client !== null}
      onClose={onClose}
      title={client ? `Take payment from ${client.fullName}` : 'Take payment'}
      centered
      size="lg"
    >
      {client && (
        <TakePaymentForm key={client.id} client={client} onCancel={onClose} onPaid={onPaid} />
      )}
    </Modal>
  );
}

function TakePaymentForm({
  client,
  onCancel,
  onPaid,
}: {
  client: MoneyClient;
  onCancel: () => void;
  onPaid: (result: MoneyResult) => void;
}) {
  const { can } = useSession();
  const office = useOffice();
  const digits = office.currency.minorUnitDigits;
  const plan = usePlans().data?.find((p) => p.id === client.planId);
  const canRenew = can('billing.renew');
  const [now] = useState(() => Date.now());
  // Expired by status, or active and past its expiry date (the core's rule).
  const expired = isExpired(client, now);
  // The core renews an expired client by default; say so explicitly either way.
  const [renew, setRenew] = useState(expired && canRenew);
  const [amount, setAmount] = useState(() =>
    suggestedAmount(client, expired && canRenew ? (plan?.price ?? null) : null, digits),
  );
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const pay = useApiMutation('billing.pay', { onSuccess: onPaid });
  const generalError = serverFormError(pay.error, ['amount', 'method', 'reference', 'note']);

  const until = plan
    ? office.dateTime(
        renewalPeriod({
          now,
          expiresAt: client.expiresAt,
          validity: plan.validity,
          periods: 1,
          timeZone: office.timeZone,
        }).end,
      )
    : null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = parseMoney(amount, digits);
    const checked = checkInput(PayInput, {
      clientId: client.id,
      amount: parsed.ok ? parsed.value : 0,
      method,
      ...(reference.trim() ? { reference } : {}),
      ...(note.trim() ? { note } : {}),
      renew,
    });
    const next = checked.ok ? {} : { ...checked.errors };
    if (!parsed.ok) next.amount = parsed.error;
    setErrors(next);
    if (checked.ok && parsed.ok) pay.mutate(checked.input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Take payment">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="The payment was not recorded">
            {generalError}
          </Alert>
        )}
        <Text size="sm">
          {`${client.accountNo} · ${client.planName} · balance ${office.money(client.balance)}`}
        </Text>
        <MoneyInput
          label="Amount received"
          data-autofocus
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            setErrors((x) => ({ ...x, amount: undefined }));
          }}
          error={errors.amount ?? serverFieldError(pay.error, 'amount')}
        />
        <MethodRadios
          label="Method"
          value={method}
          onChange={setMethod}
          error={serverFieldError(pay.error, 'method')}
        />
        <TextInput
          label="Reference"
          description="Mobile-money code, bank slip or receipt-book number"
          autoComplete="off"
          maxLength={64}
          value={reference}
          onChange={(e) => {
            setReference(e.currentTarget.value);
            setErrors((x) => ({ ...x, reference: undefined }));
          }}
          error={errors.reference ?? serverFieldError(pay.error, 'reference')}
        />
        <TextInput
          label="Note"
          autoComplete="off"
          maxLength={500}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setErrors((x) => ({ ...x, note: undefined }));
          }}
          error={errors.note ?? serverFieldError(pay.error, 'note')}
        />
        <Checkbox
          label="Also renew the plan"
          checked={renew}
          disabled={!canRenew}
          onChange={(e) => setRenew(e.currentTarget.checked)}
          description={
            !canRenew
              ? 'Your role cannot renew plans.'
              : plan
                ? `Charges ${office.money(plan.price)} for "${plan.name}" and extends service to ${until ?? ''}${expired ? '; an expired client is reactivated.' : '.'}`
                : 'Charges the plan price and extends the service by one period.'
          }
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pay.isPending}>
            Record payment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
