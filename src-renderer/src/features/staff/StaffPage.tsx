import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Staff } from '@contract/schemas/staff';
import { useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { useAuthCache } from '../auth/use-auth-status';
import { CreateStaffModal } from './CreateStaffModal';
import { EditStaffModal } from './EditStaffModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffTable } from './StaffTable';
import { useInvalidateStaff, useStaffList } from './use-staff';
import { OfficeGate } from '../settings/OfficeGate';

type Dialog = { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'reset'; staff: Staff };

/** Inside the office gate: every time on this screen is in the office's zone. */
export function StaffPage() {
  return (
    <OfficeGate>
      <StaffScreen />
    </OfficeGate>
  );
}

function StaffScreen() {
  const { user } = useSession();
  const list = useStaffList();
  const invalidate = useInvalidateStaff();
  const { refresh: refreshSelf } = useAuthCache();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  const done = (message: string) => {
    notifySuccess(message);
    setDialog(null);
    void invalidate();
  };

  const unlock = useApiMutation('staff.unlock', {
    onSuccess: (staff) => done(`${staff.username} can sign in again.`),
    onError: (error) => notifyError(error, 'Could not unlock'),
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Staff
          </Title>
          <Text size="sm" c="dimmed">
            Accounts that can sign in to ISP Desk.
          </Text>
        </Stack>
        <Button onClick={() => setDialog({ kind: 'create' })}>Add staff member</Button>
      </Group>

      {list.isPending ? (
        <LoadingState label="Loading staff…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load staff"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.length === 0 ? (
        <EmptyState>No staff members yet.</EmptyState>
      ) : (
        <StaffTable
          staff={list.data}
          now={list.dataUpdatedAt}
          currentStaffId={user.staffId}
          onEdit={(staff) => setDialog({ kind: 'edit', staff })}
          onResetPassword={(staff) => setDialog({ kind: 'reset', staff })}
          onUnlock={(staff) => unlock.mutate({ id: staff.id })}
          unlockingId={unlock.isPending ? unlock.variables.id : null}
        />
      )}

      <CreateStaffModal
        opened={dialog?.kind === 'create'}
        onClose={close}
        onCreated={(staff) => done(`${staff.displayName} (${staff.username}) was added.`)}
      />
      <EditStaffModal
        staff={dialog?.kind === 'edit' ? dialog.staff : null}
        isSelf={dialog?.kind === 'edit' && dialog.staff.id === user.staffId}
        onClose={close}
        onSaved={(staff) => {
          done(`Changes to ${staff.username} were saved.`);
          // Your own role decides what you may do: reload it.
          if (staff.id === user.staffId) void refreshSelf();
        }}
      />
      <ResetPasswordModal
        staff={dialog?.kind === 'reset' ? dialog.staff : null}
        onClose={close}
        onReset={(staff) => done(`The password of ${staff.username} was reset.`)}
      />
    </Stack>
  );
}
