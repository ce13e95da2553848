import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../../api/hooks';
import { notifyError } from '../../lib/notify';

/** Shows a client's service password in a dialog; every reveal is written to the activity log. */
export function RevealPasswordButton({ clientId, login }: { clientId: number; login: string }) {
  const [password, setPassword] = useState<string | null>(null);
  const reveal = useApiMutation('clients.revealPassword', {
    onSuccess: (r) => setPassword(r.servicePassword),
    onError: (error) => notifyError(error, 'Could not reveal the password'),
  });
  return (
    <>
      <Button
        size="xs"
        variant="default"
        loading={reveal.isPending}
        onClick={() => reveal.mutate({ id: clientId })}
      >
        Reveal service password
      </Button>
      <Modal
        opened={password !== null}
        onClose={() => setPassword(null)}
        title="Service password"
        centered
      >
        {password !== null && (
          <Stack gap="md">
            <Text size="sm">{`Login ${login}`}</Text>
            <Code block fz="lg" data-testid="revealed-password">
              {password}
            </Code>
            <Alert color="yellow" variant="light">
              This reveal was recorded in the activity log with your name.
            </Alert>
            <Group justify="flex-end">
              <CopyButton value={password}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? 'Copied' : 'Copy password'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setPassword(null)}>Close</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
