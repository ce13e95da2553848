import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { queryKey, useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { SessionsTable } from './SessionsTable';
import { OfficeGate } from '../settings/OfficeGate';

const COPY = {
  mine: {
    title: 'My sessions',
    subtitle: 'Where you are signed in. End any session you do not recognise.',
    procedure: 'sessions.listMine',
  },
  all: {
    title: 'All sessions',
    subtitle: 'Everyone who is signed in to ISP Desk right now.',
    procedure: 'sessions.listAll',
  },
} as const;

/** Inside the office gate: every time on this screen is in the office's zone. */
export function SessionsPage({ scope }: { scope: 'mine' | 'all' }) {
  return (
    <OfficeGate>
      <SessionsScreen scope={scope} />
    </OfficeGate>
  );
}

function SessionsScreen({ scope }: { scope: 'mine' | 'all' }) {
  const copy = COPY[scope];
  const { endedLocally } = useSession();
  const queryClient = useQueryClient();
  const list = useApiQuery(copy.procedure, undefined, { refetchInterval: 60_000 });

  const end = useApiMutation('sessions.end', {
    onSuccess: (_value, { sessionId }) => {
      const ended = list.data?.find((s) => s.id === sessionId);
      if (ended?.current) {
        endedLocally('You ended this session. Sign in again to continue.');
        return;
      }
      notifySuccess('The session was ended.');
      void queryClient.invalidateQueries({ queryKey: queryKey('sessions.listMine') });
      void queryClient.invalidateQueries({ queryKey: queryKey('sessions.listAll') });
    },
    onError: (error) => notifyError(error, 'Could not end the session'),
  });

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {copy.title}
        </Title>
        <Text size="sm" c="dimmed">
          {copy.subtitle}
        </Text>
      </Stack>
      {list.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load sessions"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>No open sessions.</EmptyState>
      ) : (
        <SessionsTable
          sessions={list.data}
          showUser={scope === 'all'}
          endingId={end.isPending ? end.variables.sessionId : null}
          onEnd={(session) => end.mutate({ sessionId: session.id })}
        />
      )}
    </Stack>
  );
}
