import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SharingStatus } from '@contract/schemas/sharing';
import { queryKey, useApiMutation, useApiQuery } from '../../api/hooks';
import { useApiClient } from '../../api/api-context';
import { ErrorState, LoadingState } from '../../components/states';
import { serverFieldError, serverFormError } from '../../lib/server-errors';

const TITLE = 'Share this workstation with the office';
const SWITCH_LABEL = 'Let other workstations on this network use ISP Desk';

/**
 * "Share this workstation with the office": in the desktop app (the preload's bridge is there),
 * the switch and the address to open; in a browser, where it is set, and how.
 */
export function SharingPanel() {
  const desktop = useApiClient().transport.kind === 'ipc';
  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-label={TITLE}>
      <Stack gap="md">
        <Title order={2} size="h4">
          {TITLE}
        </Title>
        {desktop ? <SharingSettings /> : <SharingExplained />}
      </Stack>
    </Paper>
  );
}

function SharingExplained() {
  return (
    <Text size="sm" c="dimmed">
      This page is served to your browser over the network. Sharing is turned on in the desktop app
      (Settings, on the workstation that keeps the office&apos;s data); a headless server is shared
      by starting it with <Code>--host 0.0.0.0</Code>.
    </Text>
  );
}

function SharingSettings() {
  const status = useApiQuery('sharing.status', undefined);
  if (status.isPending) return <LoadingState label="Loading sharing…" />;
  if (status.isError) {
    return (
      <ErrorState
        title="Could not load sharing"
        error={status.error}
        onRetry={() => void status.refetch()}
      />
    );
  }
  return <SharingForm key={JSON.stringify(status.data)} current={status.data} />;
}

function SharingForm({ current }: { current: SharingStatus }) {
  const queryClient = useQueryClient();
  const [port, setPort] = useState(String(current.port));
  const update = useApiMutation('sharing.update', {
    onSuccess: (saved) => queryClient.setQueryData(queryKey('sharing.status'), saved),
  });
  const portNumber = Number(port);
  const portError =
    serverFieldError(update.error, 'port') ??
    (port.trim() !== '' && !Number.isInteger(portNumber) ? 'Port must be a whole number' : null);
  const generalError = serverFormError(update.error, ['port']);
  if (!current.available) return <SharingExplained />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A second desk can use ISP Desk in a web browser, without installing anything: staff sign in
        with their own accounts, and everything they do is in the activity log. Off unless an
        administrator turns it on; this computer must stay on while others use it.
      </Text>
      {generalError && (
        <Alert color="red" variant="light" title="Sharing not changed">
          {generalError}
        </Alert>
      )}
      <Switch
        label={SWITCH_LABEL}
        checked={current.enabled}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ enabled: e.currentTarget.checked })}
      />
      <Group align="flex-end">
        <TextInput
          label="Port"
          description="Other workstations connect to this port (5180 unless it is taken)"
          inputMode="numeric"
          w={260}
          value={port}
          onChange={(e) => setPort(e.currentTarget.value)}
          error={portError}
        />
        <Button
          variant="default"
          disabled={port === String(current.port) || portError !== null}
          loading={update.isPending}
          onClick={() => update.mutate({ port: portNumber })}
        >
          Save port
        </Button>
      </Group>
      {current.url && (
        <Alert color="teal" variant="light" title="Shared with the office">
          On another workstation on this network, open <Code>{current.url}</Code> in a web browser.
        </Alert>
      )}
      {current.enabled && current.problem && (
        <Alert color="red" variant="light" title="Not shared">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">This workstation could not be shared: {current.problem}.</Text>
            <Button size="xs" variant="default" onClick={() => update.mutate({ enabled: true })}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
