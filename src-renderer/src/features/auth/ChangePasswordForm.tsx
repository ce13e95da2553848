import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import type { ReactNode, SubmitEvent } from 'react';
import { ChangePasswordInput, PASSWORD_MIN } from '@contract/schemas/auth';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { PasswordStrengthMeter } from '../../components/PasswordStrength';
import { useFormFields } from '../../lib/use-form-fields';
import { hasErrors, validateFields } from '../../lib/validate';
import type { FieldErrors } from '../../lib/validate';

type Values = { currentPassword: string; newPassword: string; confirm: string };
const EMPTY: Values = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordForm({
  names,
  onChanged,
  extraActions,
}: {
  /** The account's user name and display name: words a guesser would try. */
  names: readonly string[];
  onChanged: () => void;
  /** More buttons next to the submit button (e.g. Sign out on the forced-change screen). */
  extraActions?: ReactNode;
}) {
  const form = useFormFields<Values>(EMPTY);
  const change = useApiMutation('auth.changePassword', {
    onSuccess: () => {
      form.reset();
      onChanged();
    },
  });
  const field = (name: keyof Values) => form.field(name, (f) => serverFieldError(change.error, f));
  const { values, setErrors } = form;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const { confirm, ...input } = values;
    const next: FieldErrors<Values> = validateFields(ChangePasswordInput, input);
    if (input.currentPassword === '') next.currentPassword = 'Enter your current password';
    if (confirm !== input.newPassword) next.confirm = 'Passwords do not match';
    setErrors(next);
    if (hasErrors(next)) return;
    change.mutate(input);
  };

  const serverMessage = serverFormError(change.error, ['currentPassword', 'newPassword']);

  return (
    <form onSubmit={submit} noValidate aria-label="Change password">
      <Stack gap="md" maw={420}>
        {serverMessage && (
          <Alert color="red" variant="light" title="Password not changed">
            {serverMessage}
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          {...field('currentPassword')}
        />
        <PasswordInput
          label="New password"
          description={`At least ${PASSWORD_MIN} characters, hard to guess`}
          autoComplete="new-password"
          {...field('newPassword')}
        />
        <PasswordStrengthMeter password={values.newPassword} names={names} />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          {...field('confirm')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
          {extraActions}
        </Group>
      </Stack>
    </form>
  );
}
