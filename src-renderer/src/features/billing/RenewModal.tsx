import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { MoneyResult } from '@contract/schemas/billing';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { usePlans } from '../plans/use-plans';
import { useOffice } from '../settings/office-context';
import { renewalPeriod } from '@domain/renewal-period';
import type { MoneyClient } from './money-client';

export function RenewModal({
  client,
  onClose,
  onRenewed,
}: {
  client: MoneyClient | null;
  onClose: () => void;
  onRenewed: (result: MoneyResult) => void;
}) {
  return (
    <Modal opened={client !== null} onClose={onClose} title="Renew plan" centered>
      {client && (
        <RenewForm key={client.id} client={client} onCancel={onClose} onRenewed={onRenewed} />
      )}
    </Modal>
  );
}

function RenewForm({
  client,
  onCancel,
  onRenewed,
}: {
  client: MoneyClient;
  onCancel: () => void;
  onRenewed: (result: MoneyResult) => void;
}) {
  const office = useOffice();
  const plan = usePlans().data?.find((p) => p.id === client.planId);
  const [periods, setPeriods] = useState('1');
  const [now] = useState(() => Date.now());
  const renew = useApiMutation('billing.renew', { onSuccess: onRenewed });
  const n = /^\d{1,2}$/.test(periods.trim()) ? Number(periods.trim()) : NaN;
  const valid = Number.isInteger(n) && n >= 1 && n <= 24;
  // A preview: the core counts the same period, and its answer is what counts.
  const preview =
    plan && valid
      ? renewalPeriod({
          now,
          expiresAt: client.expiresAt,
          validity: plan.validity,
          periods: n,
          timeZone: office.timeZone,
        })
      : null;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (valid) renew.mutate({ clientId: client.id, periods: n });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Renew plan">
      <Stack gap="md">
        {renew.isError && (
          <Alert color="red" variant="light" title="Not renewed">
            {errorMessage(renew.error)}
          </Alert>
        )}
        <TextInput
          label="Periods"
          description={
            plan
              ? `One period is ${String(plan.validity.count)} ${plan.validity.unit} of "${plan.name}"`
              : undefined
          }
          inputMode="numeric"
          w={160}
          data-autofocus
          value={periods}
          onChange={(e) => setPeriods(e.currentTarget.value)}
          error={valid ? undefined : 'From 1 to 24 periods'}
        />
        {plan && preview && (
          <Text size="sm" data-testid="renew-preview">
            {`Charges ${office.money(plan.price * n)} to the balance and extends service from ${office.dateTime(preview.start)} to ${office.dateTime(preview.end)}.`}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={!valid} loading={renew.isPending}>
            Renew
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
