import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { OfficeDayInput } from '../../components/OfficeDayInput';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import { CorrectExpiryInput } from '@contract/schemas/billing';
import type { Client } from '@contract/schemas/clients';
import { useApiMutation } from '../../api/hooks';
import { validateFields, type FieldErrors } from '../../lib/validate';
import { useOffice } from '../settings/office-context';
import { officeDay } from '../settings/office-time';
import { serverFieldError, serverFormError } from '../../lib/server-errors';

type Values = { expiresOn: string; reason: string };

/** An administrator moves the client's service end to the end of a chosen office day. */
export function CorrectExpiryModal({
  client,
  onClose,
  onCorrected,
}: {
  client: Client | null;
  onClose: () => void;
  onCorrected: (client: Client) => void;
}) {
  return (
    <Modal opened={client !== null} onClose={onClose} title="Correct expiry date" centered>
      {client && (
        <CorrectExpiryForm
          key={client.id}
          client={client}
          onCancel={onClose}
          onCorrected={onCorrected}
        />
      )}
    </Modal>
  );
}

function CorrectExpiryForm({
  client,
  onCancel,
  onCorrected,
}: {
  client: Client;
  onCancel: () => void;
  onCorrected: (client: Client) => void;
}) {
  const office = useOffice();
  const [values, setValues] = useState<Values>(() => ({
    expiresOn: officeDay(client.expiresAt, office.timeZone),
    reason: '',
  }));
  const [errors, setErrors] = useState<FieldErrors<Values>>({});
  const correct = useApiMutation('billing.correctExpiry', { onSuccess: onCorrected });
  const generalError = serverFormError(correct.error, ['expiresOn', 'reason']);
  const set = (field: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = {
      clientId: client.id,
      expiresOn: values.expiresOn.trim(),
      reason: values.reason,
    };
    const found = validateFields(CorrectExpiryInput, input);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    correct.mutate({ ...input, reason: input.reason.trim() });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Correct expiry date">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Expiry not changed">
            {generalError}
          </Alert>
        )}
        <Text size="sm">
          {`Service now ends ${office.dateTime(client.expiresAt)}. No money moves. A later date reactivates an expired client; an earlier one leaves the client to expiry processing, which isolates them after the plan's grace days.`}
        </Text>
        <OfficeDayInput
          label="Service ends after"
          description={`The end of this day, ${office.timeZone}`}
          data-autofocus
          value={values.expiresOn}
          onChange={(e) => set('expiresOn', e.currentTarget.value)}
          error={errors.expiresOn ?? serverFieldError(correct.error, 'expiresOn')}
        />
        <Textarea
          label="Reason"
          description="Required; kept in the activity log"
          rows={2}
          maxLength={500}
          value={values.reason}
          onChange={(e) => set('reason', e.currentTarget.value)}
          error={errors.reason ?? serverFieldError(correct.error, 'reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={correct.isPending}>
            Save expiry date
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
