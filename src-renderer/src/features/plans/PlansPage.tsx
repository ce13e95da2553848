import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Plan } from '@contract/schemas/plans';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { OfficeGate } from '../settings/OfficeGate';
import { PlanConfirmModal } from './PlanConfirmModal';
import type { PlanConfirm } from './PlanConfirmModal';
import { PlanFormModal } from './PlanFormModal';
import { PlansTable } from './PlansTable';
import { useInvalidatePlans, usePlans } from './use-plans';

type Dialog = { kind: 'form'; plan: Plan | null } | PlanConfirm;

export function PlansPage() {
  return (
    <OfficeGate>
      <PlansScreen />
    </OfficeGate>
  );
}

function PlansScreen() {
  const { can } = useSession();
  const canManage = can('plans.manage');
  const plans = usePlans();
  const invalidate = useInvalidatePlans();
  const [showRetired, setShowRetired] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const done = (message: string) => {
    notifySuccess(message);
    setDialog(null);
    void invalidate();
  };
  const shown = (plans.data ?? []).filter((p) => showRetired || p.active);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Plans
          </Title>
          <Text size="sm" c="dimmed">
            What clients buy: speed, price, validity and what happens on expiry.
          </Text>
        </Stack>
        <Group gap="md">
          <Switch
            label="Show retired plans"
            checked={showRetired}
            onChange={(e) => setShowRetired(e.currentTarget.checked)}
          />
          {canManage && (
            <Button onClick={() => setDialog({ kind: 'form', plan: null })}>Add plan</Button>
          )}
        </Group>
      </Group>

      {plans.isPending ? (
        <LoadingState label="Loading plans…" />
      ) : plans.isError ? (
        <ErrorState
          title="Could not load plans"
          error={plans.error}
          onRetry={() => void plans.refetch()}
        />
      ) : shown.length === 0 ? (
        <EmptyState>
          {plans.data.length === 0
            ? 'No plans yet.'
            : 'No active plans; show retired plans to see the others.'}
        </EmptyState>
      ) : (
        <PlansTable
          plans={shown}
          canManage={canManage}
          onEdit={(plan) => setDialog({ kind: 'form', plan })}
          onRetire={(plan) => setDialog({ kind: 'retire', plan })}
          onDelete={(plan) => setDialog({ kind: 'delete', plan })}
        />
      )}

      <PlanFormModal
        opened={dialog?.kind === 'form'}
        plan={dialog?.kind === 'form' ? dialog.plan : null}
        onClose={close}
        onSaved={(plan, created) =>
          done(created ? `Plan "${plan.name}" was created.` : `Plan "${plan.name}" was saved.`)
        }
      />
      <PlanConfirmModal
        confirm={dialog && dialog.kind !== 'form' ? dialog : null}
        onClose={close}
        onDone={done}
      />
    </Stack>
  );
}
