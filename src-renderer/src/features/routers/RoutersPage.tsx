import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Router } from '@contract/schemas/routers';
import { useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { DeleteRouterModal } from './DeleteRouterModal';
import { RouterFormModal } from './RouterFormModal';
import type { RouterFormTarget } from './RouterFormModal';
import { RoutersTable } from './RoutersTable';
import { useInvalidateRouters, useRoutersList } from './use-routers';
import { OfficeGate } from '../settings/OfficeGate';

/** The Routers screen: every router's status at a glance, add, edit, disable/enable, remove. */
/** Inside the office gate: every time on this screen is in the office's zone. */
export function RoutersPage() {
  return (
    <OfficeGate>
      <RoutersScreen />
    </OfficeGate>
  );
}

function RoutersScreen() {
  const { can } = useSession();
  const canManage = can('routers.manage');
  const list = useRoutersList();
  const invalidate = useInvalidateRouters();
  const [form, setForm] = useState<RouterFormTarget | null>(null);
  const [removing, setRemoving] = useState<Router | null>(null);

  const done = (message: string) => {
    notifySuccess(message);
    void invalidate();
  };
  const toggleOptions = {
    onSuccess: (r: Router) => done(`${r.name} is ${r.enabled ? 'enabled' : 'disabled'}.`),
    onError: (error: unknown) => notifyError(error, 'Could not change the router'),
  };
  const disable = useApiMutation('routers.disable', toggleOptions);
  const enable = useApiMutation('routers.enable', toggleOptions);
  const togglingId = disable.isPending
    ? disable.variables.id
    : enable.isPending
      ? enable.variables.id
      : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Routers
          </Title>
          <Text size="sm" c="dimmed">
            MikroTik routers this office provisions and watches.
          </Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/routers/settings" variant="default">
            Network settings
          </Button>
          {canManage && <Button onClick={() => setForm({ kind: 'create' })}>Add router</Button>}
        </Group>
      </Group>

      {list.isPending ? (
        <LoadingState label="Loading routers…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load routers"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>No routers yet.{canManage ? ' Add one to start.' : ''}</EmptyState>
      ) : (
        <RoutersTable
          routers={list.data}
          canManage={canManage}
          onEdit={(router) => setForm({ kind: 'edit', router })}
          onToggle={(router) =>
            router.enabled ? disable.mutate({ id: router.id }) : enable.mutate({ id: router.id })
          }
          onRemove={setRemoving}
          togglingId={togglingId}
        />
      )}

      <RouterFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(router, created) => {
          setForm(null);
          done(
            created ? `Router ${router.name} was added.` : `Changes to ${router.name} were saved.`,
          );
        }}
      />
      <DeleteRouterModal
        key={removing?.id ?? 'none'}
        router={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(router) => {
          setRemoving(null);
          done(`Router ${router.name} was removed.`);
        }}
      />
    </Stack>
  );
}
