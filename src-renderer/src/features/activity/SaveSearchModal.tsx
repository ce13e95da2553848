import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SaveSearchInput } from '@contract/schemas/activity';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { checkInput } from '../../lib/validate';
import { queryKey, useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../lib/notify';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { describeView } from './recent-searches';
import { useOfficeClock } from '../../lib/office-clock-context';

/** Names the current filter and keeps it with the signed-in staff member's saved searches. */
export function SaveSearchModal({
  opened,
  view,
  onClose,
}: {
  opened: boolean;
  view: ActivityView;
  onClose: () => void;
}) {
  const clock = useOfficeClock();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const save = useApiMutation('searches.save', {
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKey('searches.list') });
      notifySuccess(`Saved as "${saved.name}"`, 'Search saved');
      close();
    },
  });
  const close = () => {
    setName('');
    setNameError(undefined);
    save.reset();
    onClose();
  };
  const problem = serverFormError(save.error, ['name']);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Save search"
      closeButtonProps={{ 'aria-label': 'Close save search' }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const checked = checkInput(SaveSearchInput, {
            name,
            filter: toApiFilter(view, Date.now(), clock),
          });
          if (checked.ok) save.mutate(checked.input);
          else setNameError(checked.errors.name ?? Object.values(checked.errors)[0]);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{describeView(view)}</Text>
          {view.range && (
            <Text size="xs" c="dimmed">
              A quick range is saved as the dates it covers now.
            </Text>
          )}
          <TextInput
            label="Name"
            placeholder="Failed sign-ins this week"
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(undefined);
            }}
            error={nameError ?? serverFieldError(save.error, 'name')}
            maxLength={80}
            required
            data-autofocus
          />
          {problem && (
            <Alert color="red" variant="light" title="Could not save the search">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
              Save search
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
