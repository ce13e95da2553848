import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Client } from '@contract/schemas/clients';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';

/** Archiving hides a client from lists and stops billing; nothing is deleted, and it can be restored. */
export function ArchiveClientModal({
  client,
  onClose,
  onArchived,
}: {
  client: Client | null;
  onClose: () => void;
  onArchived: (client: Client) => void;
}) {
  return (
    <Modal
      opened={client !== null}
      onClose={onClose}
      title={client ? `Archive ${client.fullName}` : 'Archive client'}
      centered
    >
      {client && (
        <ArchiveForm key={client.id} client={client} onCancel={onClose} onArchived={onArchived} />
      )}
    </Modal>
  );
}

function ArchiveForm({
  client,
  onCancel,
  onArchived,
}: {
  client: Client;
  onCancel: () => void;
  onArchived: (client: Client) => void;
}) {
  const [reason, setReason] = useState('');
  const archive = useApiMutation('clients.archive', { onSuccess: onArchived });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    archive.mutate({ id: client.id, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Archive client">
      <Stack gap="md">
        {archive.isError && (
          <Alert color="red" variant="light" title="Not archived">
            {errorMessage(archive.error)}
          </Alert>
        )}
        <Text size="sm">
          {`${client.accountNo} leaves the client lists and cannot pay or renew until restored. The ledger and the activity history are kept.`}
        </Text>
        <TextInput
          label="Reason (optional)"
          maxLength={500}
          data-autofocus
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={archive.isPending}>
            Archive client
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
