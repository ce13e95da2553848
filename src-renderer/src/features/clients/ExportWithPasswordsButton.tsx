import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ClientFilter } from '@contract/schemas/clients';
import { ExportClientsButton } from './ExportClientsButton';

/**
 * An export that another office can import as it is: the same CSV plus each client's service
 * password, after a warning. Only for staff allowed to reveal passwords; the log records it.
 */
export function ExportWithPasswordsButton({ filter }: { filter: ClientFilter }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="subtle" onClick={() => setOpen(true)}>
        Export with passwords…
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title="Export with service passwords"
        centered
      >
        <Stack gap="md">
          <Alert color="red" variant="light" title="The file holds every password in clear">
            Anyone who opens it can sign in as these clients. Keep it only as long as the move to
            the other office takes, on a drive no one else uses, and delete it afterwards. The
            activity log records that you exported the passwords.
          </Alert>
          <Text size="sm">
            Without passwords the file cannot create clients in another office: import needs a
            password for each one.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <ExportClientsButton filter={filter} withPasswords onDone={() => setOpen(false)} />
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
