import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { OfficeProfile } from '@contract/schemas/settings';
import { queryKey, useApiMutation } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useSettingsForm } from '../../lib/use-settings-form';
import { useOfficeProfile } from './OfficeGate';
import { OfficeProfileFields } from './OfficeProfileFields';
import {
  PROFILE_FIELDS,
  profileChanges,
  profileToForm,
  type ProfileField,
  type ProfileValues,
} from './office-profile-form';

/** The office profile on the Settings page: who the office is, as receipts print it. */
export function OfficeProfileForm() {
  const profile = useOfficeProfile();
  return (
    <Paper withBorder p="md" radius="md" maw={760} component="section" aria-labelledby="profile">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="profile">
            Office profile
          </Title>
          <Text size="sm" c="dimmed">
            The business name, address, phone, registration number and footer printed on receipts.
          </Text>
        </Stack>
        {profile.isPending ? (
          <LoadingState label="Loading the office profile…" />
        ) : profile.isError ? (
          <ErrorState
            title="Could not load the office profile"
            error={profile.error}
            onRetry={() => void profile.refetch()}
          />
        ) : (
          <ProfileForm key={JSON.stringify(profile.data)} current={profile.data} />
        )}
      </Stack>
    </Paper>
  );
}

function ProfileForm({ current }: { current: OfficeProfile }) {
  const queryClient = useQueryClient();
  const update = useApiMutation('office.updateProfile', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('office.profile'), saved);
      void queryClient.invalidateQueries({ queryKey: queryKey('reports.dashboard') });
      notifySuccess('Office profile saved.');
    },
  });
  const { values, errors, set, submit } = useSettingsForm({
    initial: () => profileToForm(current),
    check: (v: ProfileValues) => profileChanges(current, v),
    save: (input) => update.mutate(input),
  });
  const errorOf = (f: ProfileField) => errors[f] ?? serverFieldError(update.error, f);
  const generalError = serverFormError(update.error, PROFILE_FIELDS);
  return (
    <form onSubmit={submit} noValidate aria-label="Office profile">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Office profile not saved">
            {generalError}
          </Alert>
        )}
        <OfficeProfileFields values={values} errorOf={errorOf} set={set} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            Save office profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
