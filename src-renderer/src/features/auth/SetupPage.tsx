import { Alert, Button, Divider, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { SubmitEvent } from 'react';
import type { SessionUser } from '@contract/schemas/auth';
import { PASSWORD_MIN, SetupInput } from '@contract/schemas/auth';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { reloadPage } from '../../lib/reload-page';
import { useFormFields } from '../../lib/use-form-fields';
import { hasErrors, validateFields } from '../../lib/validate';
import type { FieldErrors } from '../../lib/validate';
import { PasswordStrengthMeter } from '../../components/PasswordStrength';
import { AuthCard } from './AuthCard';
import { DemoBuildProgress } from './DemoBuildProgress';
import { useDemoStatus } from './use-demo-status';

/** Where the first administrator lands: the first-run office profile. */
export const OFFICE_SETUP_HASH = '#/setup/office';

type Values = { username: string; displayName: string; password: string; confirm: string };

export function SetupPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const form = useFormFields<Values>({ username: '', displayName: '', password: '', confirm: '' });
  const setup = useApiMutation('auth.setup', {
    // The administrator exists: next, the office profile (a page of the app, skippable).
    onSuccess: (user) => {
      window.location.hash = OFFICE_SETUP_HASH;
      onSignedIn(user);
    },
  });
  const field = (name: keyof Values) => form.field(name, (f) => serverFieldError(setup.error, f));
  const { values, setErrors } = form;
  // The demo office lives in its own folder; this office stays empty. Reload into its sign-in.
  const openDemo = useApiMutation('system.openDemo', { onSuccess: reloadPage });
  // Still offered while it is being made (the status then says how far) or if that failed.
  const demoAvailable = useDemoStatus().data?.available === true || !openDemo.isIdle;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const { confirm, ...input } = values;
    const next: FieldErrors<Values> = validateFields(SetupInput, input);
    if (confirm !== values.password) next.confirm = 'Passwords do not match';
    setErrors(next);
    if (hasErrors(next)) return;
    setup.mutate(input);
  };

  const serverMessage = serverFormError(setup.error, ['username', 'displayName', 'password']);

  return (
    <AuthCard
      title="Create the administrator"
      subtitle="ISP Desk has no accounts yet. The first account is an administrator who can add the rest of the staff."
    >
      <form onSubmit={submit} noValidate aria-label="Create the administrator">
        <Stack gap="md">
          {serverMessage && (
            <Alert color="red" variant="light" title="Could not create the account">
              {serverMessage}
            </Alert>
          )}
          <TextInput label="Username" autoComplete="username" autoFocus {...field('username')} />
          <TextInput label="Display name" autoComplete="name" {...field('displayName')} />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN} characters, hard to guess`}
            autoComplete="new-password"
            {...field('password')}
          />
          <PasswordStrengthMeter
            password={values.password}
            names={[values.username, values.displayName]}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            {...field('confirm')}
          />
          <Button type="submit" loading={setup.isPending} disabled={openDemo.isPending}>
            Create administrator
          </Button>
        </Stack>
      </form>
      {demoAvailable && (
        <Stack gap="xs">
          <Divider label="or" labelPosition="center" />
          <Text size="sm" c="dimmed">
            Look around first: a demo office with invented clients, six months of history and
            simulated routers, kept apart from this office&apos;s data.
          </Text>
          <DemoBuildProgress active={openDemo.isPending} />
          {openDemo.isError && (
            <Alert color="red" variant="light" title="Could not open the demo office">
              {openDemo.error.message}
            </Alert>
          )}
          <Button
            variant="light"
            loading={openDemo.isPending}
            disabled={setup.isPending}
            onClick={() => openDemo.mutate(undefined)}
          >
            Explore a demo office
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
