import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Plan } from '@contract/schemas/plans';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { counted } from '@domain/plural';

export type PlanConfirm = { kind: 'retire' | 'delete'; plan: Plan };

/** Retiring or deleting a plan, confirmed first; a refusal (plan in use) is shown as the server says. */
export function PlanConfirmModal({
  confirm,
  onClose,
  onDone,
}: {
  confirm: PlanConfirm | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const title = confirm
    ? `${confirm.kind === 'retire' ? 'Retire' : 'Delete'} plan ${confirm.plan.name}`
    : 'Plan';
  return (
    <Modal opened={confirm !== null} onClose={onClose} title={title} centered>
      {confirm && (
        <PlanConfirmBody
          key={`${confirm.kind}-${String(confirm.plan.id)}`}
          confirm={confirm}
          onCancel={onClose}
          onDone={onDone}
        />
      )}
    </Modal>
  );
}

function PlanConfirmBody({
  confirm,
  onCancel,
  onDone,
}: {
  confirm: PlanConfirm;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const { plan, kind } = confirm;
  const retire = useApiMutation('plans.retire', {
    onSuccess: (p) => onDone(`Plan "${p.name}" was retired.`),
  });
  const remove = useApiMutation('plans.delete', {
    onSuccess: () => onDone(`Plan "${plan.name}" was deleted.`),
  });
  const mutation = kind === 'retire' ? retire : remove;

  return (
    <Stack gap="md">
      {mutation.error && (
        <Alert
          color="red"
          variant="light"
          title={kind === 'retire' ? 'Not retired' : 'Not deleted'}
        >
          {errorMessage(mutation.error)}
        </Alert>
      )}
      <Text size="sm">
        {kind === 'retire'
          ? `"${plan.name}" will take no new clients. ${plan.clientCount === 1 ? 'The client' : `The ${counted(plan.clientCount, 'client')}`} on it keep${plan.clientCount === 1 ? 's' : ''} it and can still renew.`
          : `"${plan.name}" will be removed for good. Only a plan that no client or ledger entry ever used can be deleted; otherwise retire it.`}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          color={kind === 'delete' ? 'red' : undefined}
          loading={mutation.isPending}
          onClick={() =>
            kind === 'retire' ? retire.mutate({ id: plan.id }) : remove.mutate({ id: plan.id })
          }
        >
          {kind === 'retire' ? 'Retire plan' : 'Delete plan'}
        </Button>
      </Group>
    </Stack>
  );
}
