import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { In } from '@contract/api';
import type { Role } from '@contract/roles';
import { DisplayNameSchema } from '@contract/schemas/auth';
import type { Staff } from '@contract/schemas/staff';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { ROLE_OPTIONS } from '../../lib/roles';

export function EditStaffModal({
  staff,
  isSelf,
  onClose,
  onSaved,
}: {
  /** The staff member being edited; `null` closes the modal. */
  staff: Staff | null;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (staff: Staff) => void;
}) {
  return (
    <Modal
      opened={staff !== null}
      onClose={onClose}
      title={staff ? `Edit ${staff.username}` : 'Edit staff member'}
      centered
    >
      {staff && (
        <EditStaffForm
          key={staff.id}
          staff={staff}
          isSelf={isSelf}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function EditStaffForm({
  staff,
  isSelf,
  onCancel,
  onSaved,
}: {
  staff: Staff;
  isSelf: boolean;
  onCancel: () => void;
  onSaved: (staff: Staff) => void;
}) {
  const [displayName, setDisplayName] = useState(staff.displayName);
  const [role, setRole] = useState<Role>(staff.role);
  const [disabled, setDisabled] = useState(staff.disabled);
  const [nameError, setNameError] = useState<string | undefined>();
  const update = useApiMutation('staff.update', { onSuccess: onSaved });
  const generalError = serverFormError(update.error, ['displayName', 'role']);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const name = DisplayNameSchema.safeParse(displayName);
    if (!name.success) {
      setNameError(name.error.issues[0]?.message ?? 'Invalid name');
      return;
    }
    const input: In<'staff.update'> = { id: staff.id };
    if (name.data !== staff.displayName) input.displayName = name.data;
    if (role !== staff.role) input.role = role;
    if (disabled !== staff.disabled) input.disabled = disabled;
    if (Object.keys(input).length === 1) {
      onCancel(); // nothing changed
      return;
    }
    update.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${staff.username}`}>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Changes not saved">
            {generalError}
          </Alert>
        )}
        <TextInput
          label="Display name"
          data-autofocus
          value={displayName}
          onChange={(e) => {
            setDisplayName(e.currentTarget.value);
            setNameError(undefined);
          }}
          error={nameError ?? serverFieldError(update.error, 'displayName')}
        />
        <Select<Role>
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => value && setRole(value)}
          allowDeselect={false}
          description={
            isSelf ? 'Changing your own role may remove your access to this page.' : undefined
          }
          error={serverFieldError(update.error, 'role')}
        />
        <Checkbox
          label="Account disabled"
          description="A disabled account cannot sign in; its open sessions end."
          checked={disabled}
          onChange={(e) => setDisabled(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
