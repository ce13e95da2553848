import { Stack, Text, Title } from '@mantine/core';
import { notifySuccess } from '../../lib/notify';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session-context';
import { useAuthCache } from './use-auth-status';

export function ChangePasswordPage() {
  const { refresh } = useAuthCache();
  const { user } = useSession();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Change password
        </Title>
        <Text size="sm" c="dimmed">
          Choose a password you do not use anywhere else.
        </Text>
      </Stack>
      <ChangePasswordForm
        names={[user.username, user.displayName]}
        onChanged={() => {
          notifySuccess('Your password has been changed.');
          void refresh();
        }}
      />
    </Stack>
  );
}
