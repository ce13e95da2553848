import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Role } from '@contract/roles';
import { PASSWORD_MIN } from '@contract/schemas/auth';
import type { Staff } from '@contract/schemas/staff';
import { CreateStaffInput } from '@contract/schemas/staff';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useApiMutation } from '../../api/hooks';
import { ROLE_OPTIONS } from '../../lib/roles';
import { PasswordStrengthMeter } from '../../components/PasswordStrength';
import { useFormFields } from '../../lib/use-form-fields';
import { hasErrors, validateFields } from '../../lib/validate';

type Values = { username: string; displayName: string; password: string };

export function CreateStaffModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (staff: Staff) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add staff member" centered>
      {opened && <CreateStaffForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateStaffForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (staff: Staff) => void;
}) {
  const form = useFormFields<Values>({ username: '', displayName: '', password: '' });
  const [role, setRole] = useState<Role>('cashier');
  const create = useApiMutation('staff.create', { onSuccess: onCreated });
  const serverError = (name: string) => serverFieldError(create.error, name);
  const generalError = serverFormError(create.error, [
    'username',
    'displayName',
    'role',
    'password',
  ]);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = { ...form.values, role };
    const errors = validateFields(CreateStaffInput, input);
    form.setErrors(errors);
    if (hasErrors(errors)) return;
    create.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add staff member">
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="Could not add the staff member">
            {generalError}
          </Alert>
        )}
        <TextInput
          label="Username"
          autoComplete="off"
          data-autofocus
          {...form.field('username', serverError)}
        />
        <TextInput
          label="Display name"
          autoComplete="off"
          {...form.field('displayName', serverError)}
        />
        <Select<Role>
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => value && setRole(value)}
          allowDeselect={false}
          error={serverError('role')}
        />
        <PasswordInput
          label="Initial password"
          description={`At least ${PASSWORD_MIN} characters. They will be asked to choose their own at first sign-in.`}
          autoComplete="new-password"
          {...form.field('password', serverError)}
        />
        <PasswordStrengthMeter
          password={form.values.password}
          names={[form.values.username, form.values.displayName]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create staff member
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
