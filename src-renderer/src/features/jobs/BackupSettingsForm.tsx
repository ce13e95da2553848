import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { BackupSettings } from '@contract/schemas/jobs';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../lib/notify';
import { useSettingsForm } from '../../lib/use-settings-form';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { backupChanges, backupToForm } from './backup-form';
import type { BackupField, BackupFormValues } from './backup-form';

/** Backup settings: on/off, how often, how many to keep; where the files go. */
export function BackupSettingsForm({
  current,
  canEdit,
  onSaved,
}: {
  current: BackupSettings;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const update = useApiMutation('backup.updateSettings', {
    onSuccess: () => {
      notifySuccess('Backup settings saved.');
      onSaved();
    },
  });
  const { values, errors, set, submit } = useSettingsForm({
    initial: () => backupToForm(current),
    check: (v: BackupFormValues) => backupChanges(current, v),
    save: (input) => update.mutate(input),
  });
  const errorOf = (f: BackupField) => errors[f] ?? serverFieldError(update.error, f);
  const generalError = serverFormError(update.error, ['intervalHours', 'keep']);
  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-label="Backups">
      <form onSubmit={submit} noValidate aria-label="Backup settings">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4">
              Backups
            </Title>
            <Text size="sm" c="dimmed">
              An online copy of the whole database, verified before older copies are removed.
              Backups go to <Code>{current.folder}</Code>.
            </Text>
          </Stack>
          {generalError && (
            <Alert color="red" variant="light" title="Backup settings not saved">
              {generalError}
            </Alert>
          )}
          <Switch
            label="Back up automatically"
            checked={values.enabled}
            disabled={!canEdit}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              set('enabled', enabled);
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Hours between backups"
              description="24 for a daily backup"
              inputMode="numeric"
              readOnly={!canEdit}
              value={values.intervalHours}
              onChange={(e) => set('intervalHours', e.currentTarget.value)}
              error={errorOf('intervalHours')}
            />
            <TextInput
              label="Backups to keep"
              description="Older backups are deleted after each successful one"
              inputMode="numeric"
              readOnly={!canEdit}
              value={values.keep}
              onChange={(e) => set('keep', e.currentTarget.value)}
              error={errorOf('keep')}
            />
          </SimpleGrid>
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                Save backup settings
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
