import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Alert } from '@contract/schemas/alerts';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../lib/notify';
import { useInvalidateAlerts } from './use-alerts';

/** Acknowledging needs a note: what was checked, who was asked. */
export function AcknowledgeModal({ alert, onClose }: { alert: Alert | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const invalidate = useInvalidateAlerts();
  const ack = useApiMutation('alerts.acknowledge', {
    onSuccess: (a) => {
      notifySuccess(a.title, 'Alert acknowledged');
      setNote('');
      onClose();
    },
    onSettled: () => void invalidate(),
  });
  return (
    <Modal opened={alert !== null} onClose={onClose} title="Acknowledge alert">
      {alert && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            ack.mutate({ id: alert.id, note });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{alert.title}</Text>
            <Textarea
              label="Note"
              description="What you checked or who you asked; it goes into the activity log."
              required
              rows={3}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={ack.isError ? errorMessage(ack.error) : undefined}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={ack.isPending} disabled={note.trim() === ''}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
