import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ForwardingSettings } from '@contract/schemas/forwarding';
import { queryKey, useApiMutation } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useSettingsForm } from '../../lib/use-settings-form';
import {
  FORWARDING_FIELDS,
  forwardingChanges,
  forwardingToForm,
  type ForwardingField,
  type ForwardingFormValues,
} from './forwarding-form';
import { useForwardingStatus } from './use-forwarding';

/** Settings → Log forwarding: where every activity-log entry is sent (RFC 5424 syslog). */
export function ForwardingSettingsPanel() {
  const status = useForwardingStatus();
  if (status.isPending) return <LoadingState label="Loading log forwarding…" />;
  if (status.isError) {
    return (
      <ErrorState
        title="Could not load log forwarding"
        error={status.error}
        onRetry={() => void status.refetch()}
      />
    );
  }
  const { settings } = status.data;
  return <ForwardingSettingsForm key={JSON.stringify(settings)} current={settings} />;
}

function ForwardingSettingsForm({ current }: { current: ForwardingSettings }) {
  const queryClient = useQueryClient();
  const update = useApiMutation('forwarding.update', {
    onSuccess: () => {
      notifySuccess('Log forwarding saved.');
      void queryClient.invalidateQueries({ queryKey: queryKey('forwarding.status') });
    },
  });
  const { values, errors, set, submit } = useSettingsForm({
    initial: () => forwardingToForm(current),
    check: (v: ForwardingFormValues) => forwardingChanges(current, v),
    save: (input) => update.mutate(input),
  });
  const errorOf = (f: ForwardingField) => errors[f] ?? serverFieldError(update.error, f);
  const generalError = serverFormError(update.error, FORWARDING_FIELDS);
  const text = (field: ForwardingField, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={String(values[field])}
      onChange={(e) => set(field, e.currentTarget.value)}
      error={errorOf(field)}
    />
  );
  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-label="Log forwarding">
      <form onSubmit={submit} noValidate aria-label="Log forwarding settings">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4">
              Log forwarding
            </Title>
            <Text size="sm" c="dimmed">
              Sends every activity-log entry, in order, to the office&apos;s log server (rsyslog,
              Graylog, a SIEM) as RFC 5424 syslog over TCP or TLS. Nothing is lost while the server
              is down: the app catches up when it answers. The Jobs screen shows how far behind it
              is.
            </Text>
          </Stack>
          {generalError && (
            <Alert color="red" variant="light" title="Log forwarding not saved">
              {generalError}
            </Alert>
          )}
          <Switch
            label="Forward the activity log"
            checked={values.enabled}
            onChange={(e) => set('enabled', e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('host', 'Log server', 'Host name or IP address')}
            {text('port', 'Port', '514 for TCP, 6514 for TLS')}
            {text('facility', 'Facility', '13 log audit, 10 authpriv, 16–23 local0–local7')}
            {text('appName', 'App name', 'APP-NAME in every message')}
            {text('behindEntries', 'Warn when this many entries are waiting')}
            {text('behindMinutes', 'Or when the oldest waiting entry is this many minutes old')}
          </SimpleGrid>
          <Switch
            label="Use TLS (RFC 5425); the server's certificate is checked"
            checked={values.tls}
            onChange={(e) => set('tls', e.currentTarget.checked)}
          />
          {values.tls && (
            <Textarea
              label="CA certificate (PEM)"
              description="Only when the server's certificate is signed by the office's own CA"
              rows={4}
              value={values.tlsCa}
              onChange={(e) => set('tlsCa', e.currentTarget.value)}
              error={errorOf('tlsCa')}
            />
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Save log forwarding
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
