import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Router } from '@contract/schemas/routers';
import { errorMessage } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { counted } from '@domain/plural';

/** Removing a router, confirmed first; queued changes for it are dropped. */
export function DeleteRouterModal({
  router,
  onClose,
  onRemoved,
}: {
  router: Router | null;
  onClose: () => void;
  onRemoved: (router: Router) => void;
}) {
  const remove = useApiMutation('routers.delete');
  return (
    <Modal
      opened={router !== null}
      onClose={onClose}
      title={router ? `Remove router ${router.name}` : 'Remove router'}
      centered
    >
      {router && (
        <Stack gap="md">
          {remove.error && (
            <Alert color="red" variant="light" title="Not removed">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Text size="sm">
            Remove <strong>{router.name}</strong> ({router.host})? Its health history goes with it
            {router.pendingChanges > 0
              ? `, and ${counted(router.pendingChanges, 'queued change')} will be dropped`
              : ''}
            . Nothing on the router itself is changed.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate({ id: router.id }, { onSuccess: () => onRemoved(router) })
              }
            >
              Remove router
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
