import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { SubmitEvent } from 'react';
import { NewPasswordSchema, PASSWORD_MIN } from '@contract/schemas/auth';
import type { Staff } from '@contract/schemas/staff';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { PasswordStrengthMeter } from '../../components/PasswordStrength';
import { useFormFields } from '../../lib/use-form-fields';

export function ResetPasswordModal({
  staff,
  onClose,
  onReset,
}: {
  staff: Staff | null;
  onClose: () => void;
  onReset: (staff: Staff) => void;
}) {
  return (
    <Modal
      opened={staff !== null}
      onClose={onClose}
      title={staff ? `Reset password for ${staff.username}` : 'Reset password'}
      centered
    >
      {staff && (
        <ResetPasswordForm key={staff.id} staff={staff} onCancel={onClose} onReset={onReset} />
      )}
    </Modal>
  );
}

function ResetPasswordForm({
  staff,
  onCancel,
  onReset,
}: {
  staff: Staff;
  onCancel: () => void;
  onReset: (staff: Staff) => void;
}) {
  const form = useFormFields({ newPassword: '', confirm: '' });
  const reset = useApiMutation('staff.resetPassword', { onSuccess: onReset });
  const generalError = serverFormError(reset.error, ['newPassword']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = NewPasswordSchema.safeParse(form.values.newPassword);
    const errors = {
      newPassword: parsed.success ? undefined : parsed.error.issues[0]?.message,
      confirm:
        form.values.confirm === form.values.newPassword ? undefined : 'Passwords do not match',
    };
    form.setErrors(errors);
    if (errors.newPassword || errors.confirm) return;
    reset.mutate({ id: staff.id, newPassword: form.values.newPassword });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Reset password for ${staff.username}`}>
      <Stack gap="md">
        <Text size="sm">
          {`${staff.displayName} will have to choose a new password when they next sign in.`}
        </Text>
        {generalError && (
          <Alert color="red" variant="light" title="Password not reset">
            {generalError}
          </Alert>
        )}
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN} characters`}
          autoComplete="new-password"
          data-autofocus
          {...form.field('newPassword', (f) => serverFieldError(reset.error, f))}
        />
        <PasswordStrengthMeter
          password={form.values.newPassword}
          names={[staff.username, staff.displayName]}
        />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          {...form.field('confirm')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={reset.isPending}>
            Reset password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
