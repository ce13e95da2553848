import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { SessionUser } from '@contract/schemas/auth';
import { useApiMutation } from '../../api/hooks';
import { AuthCard } from './AuthCard';
import { DemoNotice } from './DemoNotice';
import { useDemoStatus } from './use-demo-status';

export function LoginPage({
  notice,
  onSignedIn,
}: {
  notice?: string | null;
  onSignedIn: (user: SessionUser) => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const demo = useDemoStatus().data?.active ?? null;
  const login = useApiMutation('auth.login', {
    onSuccess: onSignedIn,
    onError: () => setPassword(''),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <AuthCard title="Sign in" subtitle="Use the account your administrator gave you.">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md">
          {demo && <DemoNotice demo={demo} />}
          {notice && !login.isError && (
            <Alert color="blue" variant="light" title="Signed out">
              {notice}
            </Alert>
          )}
          {login.isError && (
            <Alert color="red" variant="light" title="Sign-in failed">
              {login.error.message}
            </Alert>
          )}
          <TextInput
            label="Username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button
            type="submit"
            loading={login.isPending}
            disabled={username.trim() === '' || password === ''}
          >
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
