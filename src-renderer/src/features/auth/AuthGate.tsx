import { Center, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Permission } from '@contract/roles';
import type { SessionUser } from '@contract/schemas/auth';
import { useApiClient } from '../../api/api-context';
import { ErrorState, LoadingState } from '../../components/states';
import { ForcedPasswordChange } from './ForcedPasswordChange';
import { LoginPage } from './LoginPage';
import { SetupPage } from './SetupPage';
import { SessionContext, userCan } from './session-context';
import type { SessionContextValue } from './session-context';
import { useAuthCache, useAuthStatus } from './use-auth-status';

export const SESSION_ENDED_NOTICE = 'Your session has ended. Please sign in again.';

export type AppState = 'loading' | 'ready' | 'error';

/** Marks the document for end-to-end tests: `data-app-state` on `<html>`. */
function useAppStateAttribute(state: AppState) {
  useEffect(() => {
    document.documentElement.dataset.appState = state;
  }, [state]);
}

/**
 * Decides what the window shows: first-run setup, login, a forced password change, or the app.
 * Any call that fails with `unauthenticated` (or a `session.ended` event) brings back the login.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const status = useAuthStatus();
  const { setSignedIn, setSignedOut, isSignedIn, refresh } = useAuthCache();
  const [notice, setNotice] = useState<string | null>(null);

  useAppStateAttribute(status.isPending ? 'loading' : status.isError ? 'error' : 'ready');

  const endedLocally = useCallback(
    (message: string | null = null) => {
      if (!isSignedIn()) return;
      setNotice(message);
      setSignedOut();
    },
    [isSignedIn, setSignedOut],
  );

  useEffect(
    () => client.onUnauthenticated(() => endedLocally(SESSION_ENDED_NOTICE)),
    [client, endedLocally],
  );

  const user = status.data?.user ?? null;
  const signedIn = user !== null;

  useEffect(() => {
    if (!signedIn) return;
    return client.subscribe('session.ended', ({ reason }) => {
      // The event may concern another session: believe it only if ours is really gone.
      client.call('auth.status').then(
        (current) => {
          // Reasons that read as a sentence are shown as given; codes get the generic notice.
          if (!current.user) endedLocally(/\s/.test(reason) ? reason : SESSION_ENDED_NOTICE);
        },
        () => undefined, // unreachable or unauthenticated: handled by the call itself
      );
    });
  }, [client, signedIn, endedLocally]);

  const signOut = useCallback(async () => {
    try {
      await client.call('auth.logout');
    } catch {
      // Signing out locally is what matters; the session expires on the server anyway.
    }
    setNotice(null);
    setSignedOut();
  }, [client, setSignedOut]);

  const onSignedIn = useCallback(
    (signedInUser: SessionUser) => {
      setNotice(null);
      setSignedIn(signedInUser);
    },
    [setSignedIn],
  );

  const session = useMemo<SessionContextValue | null>(
    () =>
      user && {
        user,
        can: (permission: Permission) => userCan(user, permission),
        signOut,
        endedLocally: (message = SESSION_ENDED_NOTICE) => endedLocally(message),
      },
    [user, signOut, endedLocally],
  );

  if (status.isPending) return <LoadingState label="Starting ISP Desk…" />;
  if (status.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480} w="100%">
          <ErrorState
            title="ISP Desk is not available"
            error={status.error}
            onRetry={() => void status.refetch()}
          />
        </Stack>
      </Center>
    );
  }
  if (status.data.setupRequired) return <SetupPage onSignedIn={onSignedIn} />;
  if (!session) return <LoginPage notice={notice} onSignedIn={onSignedIn} />;
  if (session.user.mustChangePassword) {
    return (
      <ForcedPasswordChange
        username={session.user.username}
        displayName={session.user.displayName}
        onChanged={() => void refresh()}
        onSignOut={() => void signOut()}
      />
    );
  }
  return <SessionContext value={session}>{children}</SessionContext>;
}
