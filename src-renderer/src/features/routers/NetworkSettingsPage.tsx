import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { NetworkSettings } from '@contract/schemas/routers';
import { queryKey, useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { useSettingsForm } from '../../lib/use-settings-form';
import { useSession } from '../auth/session-context';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { networkSettingsChanges, networkSettingsToForm } from './network-settings-form';
import type { NetworkSettingsField, NetworkSettingsFormValues } from './network-settings-form';

const FIELDS: NetworkSettingsField[] = [
  'autoSyncIntervalMin',
  'autoSyncMode',
  'expiryIntervalMin',
  'cpuThresholdPct',
  'memoryThresholdPct',
];

/** How often auto-sync and expiry run, whether auto-sync fixes drift, health thresholds. */
export function NetworkSettingsPage() {
  const settings = useApiQuery('routers.settings', undefined);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/routers" size="sm">
        ← Routers
      </Anchor>
      <Stack gap={2}>
        <Title order={1} size="h2">
          Network settings
        </Title>
        <Text size="sm" c="dimmed">
          The router jobs for every router. Poll intervals are set per router; grace days and the
          isolation profile or address list per plan.
        </Text>
      </Stack>
      {settings.isPending ? (
        <LoadingState label="Loading network settings…" />
      ) : settings.isError ? (
        <ErrorState
          title="Could not load network settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <NetworkSettingsForm key={JSON.stringify(settings.data)} current={settings.data} />
      )}
    </Stack>
  );
}

function NetworkSettingsForm({ current }: { current: NetworkSettings }) {
  const { can } = useSession();
  const readOnly = !can('routers.manage');
  const queryClient = useQueryClient();
  const update = useApiMutation('routers.updateSettings', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('routers.settings'), saved);
      notifySuccess('Network settings saved.');
    },
  });
  const { values, errors, set, submit } = useSettingsForm({
    initial: () => networkSettingsToForm(current),
    check: (v: NetworkSettingsFormValues) => networkSettingsChanges(current, v),
    save: (input) => update.mutate(input),
  });
  const serverField = (f: NetworkSettingsField) =>
    serverFieldError(update.error, f === 'autoSyncMode' ? 'autoSyncFix' : f);
  const generalError = serverFormError(update.error, [...FIELDS, 'autoSyncFix']);
  const errorOf = (f: NetworkSettingsField) => errors[f] ?? serverField(f);
  const text = (f: NetworkSettingsField) => ({
    value: values[f],
    inputMode: 'numeric' as const,
    readOnly,
    onChange: (e: { currentTarget: HTMLInputElement }) => set(f, e.currentTarget.value),
    error: errorOf(f),
  });

  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <form onSubmit={submit} noValidate aria-label="Network settings">
        <Stack gap="md">
          {generalError && (
            <Alert color="red" variant="light" title="Settings not saved">
              {generalError}
            </Alert>
          )}
          {readOnly && (
            <Text size="sm" c="dimmed">
              Only staff who manage routers can change these.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Auto-sync interval (minutes)"
              description="How often every router is compared with what it should hold"
              {...text('autoSyncIntervalMin')}
            />
            <TextInput
              label="Expiry interval (minutes)"
              description="How often clients past expiry and grace are expired and isolated"
              {...text('expiryIntervalMin')}
            />
            <TextInput
              label="CPU threshold (%)"
              description="Above this a router shows as degraded"
              {...text('cpuThresholdPct')}
            />
            <TextInput
              label="Memory threshold (%)"
              description="Above this a router shows as degraded"
              {...text('memoryThresholdPct')}
            />
          </SimpleGrid>
          <Radio.Group
            label="When auto-sync finds drift"
            description="Entries on a router that the app did not create are never deleted automatically"
            value={values.autoSyncMode}
            onChange={(v) => !readOnly && set('autoSyncMode', v)}
            error={errorOf('autoSyncMode')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="report" label="Only report it" disabled={readOnly} />
              <Radio value="fix" label="Fix it automatically" disabled={readOnly} />
            </Stack>
          </Radio.Group>
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                Save network settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
