import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Client } from '@contract/schemas/clients';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSession } from '../auth/session-context';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { usePlans } from '../plans/use-plans';
import { useOffice } from '../settings/office-context';
import { SERVICE_OPTIONS } from './client-labels';
import {
  CLIENT_FIELDS,
  clientChanges,
  clientFormToInput,
  clientToForm,
  emptyClientForm,
} from './client-form';
import type { ClientErrors, ClientField, ClientFormValues } from './client-form';
import classes from './ClientFormModal.module.css';

/** Two columns of fields, three on wide screens, so the whole form fits a 1280×800 screen. */
const COLUMNS = { base: 1, sm: 2, lg: 3 } as const;

export function ClientFormModal({
  client,
  opened,
  onClose,
  onSaved,
}: {
  /** The client to edit; null with `opened` signs up a new one. */
  client: Client | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (client: Client, created: boolean) => void;
}) {
  const title = client ? `Edit client ${client.accountNo}` : 'Add client';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="60rem" centered>
      {opened && (
        <ClientForm
          key={client?.id ?? 'new'}
          client={client}
          title={title}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function ClientForm({
  client,
  title,
  onCancel,
  onSaved,
}: {
  client: Client | null;
  title: string;
  onCancel: () => void;
  onSaved: (client: Client, created: boolean) => void;
}) {
  const { money } = useOffice();
  const plans = usePlans();
  const { can } = useSession();
  const routers = useApiQuery('routers.list', undefined, { enabled: can('routers.read') });
  const [values, setValues] = useState<ClientFormValues>(() =>
    client ? clientToForm(client) : emptyClientForm(null),
  );
  const [errors, setErrors] = useState<ClientErrors>({});
  const create = useApiMutation('clients.create', { onSuccess: (c) => onSaved(c, true) });
  const update = useApiMutation('clients.update', { onSuccess: (c) => onSaved(c, false) });
  const mutation = client ? update : create;
  const generalError = serverFormError(mutation.error, CLIENT_FIELDS);

  const set = <K extends keyof ClientFormValues>(
    key: K,
    value: ClientFormValues[K],
    field?: ClientField,
  ) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [field ?? key]: undefined }));
  };
  const errorOf = (field: ClientField) => errors[field] ?? serverFieldError(mutation.error, field);
  const text = (key: keyof ClientFormValues & ClientField) => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
    error: errorOf(key),
  });

  // New clients only on active plans of their service type; an edited client keeps its own.
  const planChoices = (plans.data ?? []).filter(
    (p) => p.serviceType === values.serviceType && (p.active || String(p.id) === values.planId),
  );
  const selectedPlan = planChoices.find((p) => String(p.id) === values.planId);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = clientFormToInput(values, { passwordRequired: client === null });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (!client) {
      create.mutate(parsed.input);
      return;
    }
    const changes = clientChanges(client, parsed.input, values.status);
    if (changes) update.mutate(changes);
    else onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="The client was not saved">
            {generalError}
          </Alert>
        )}
        <SimpleGrid cols={COLUMNS}>
          <TextInput label="Full name" data-autofocus autoComplete="off" {...text('fullName')} />
          <TextInput label="Phone" type="tel" autoComplete="off" {...text('phone')} />
          <TextInput label="Email" type="email" autoComplete="off" {...text('email')} />
          <TextInput label="Address" autoComplete="off" {...text('address')} />
          <TextInput
            label="Latitude"
            description="Optional GPS, decimal degrees"
            inputMode="decimal"
            value={values.latitude}
            onChange={(e) => set('latitude', e.currentTarget.value, 'gps')}
            error={errorOf('gps')}
          />
          <TextInput
            label="Longitude"
            description="Optional GPS, decimal degrees"
            inputMode="decimal"
            value={values.longitude}
            onChange={(e) => set('longitude', e.currentTarget.value, 'gps')}
            error={errorOf('gps') ? ' ' : undefined}
          />
        </SimpleGrid>

        <SimpleGrid cols={COLUMNS}>
          <NativeSelect
            label="Service type"
            data={SERVICE_OPTIONS}
            value={values.serviceType}
            onChange={(e) => {
              const next = e.currentTarget.value === 'hotspot' ? 'hotspot' : 'pppoe';
              set('serviceType', next);
              const keep = (plans.data ?? []).some(
                (p) => String(p.id) === values.planId && p.serviceType === next,
              );
              if (!keep) set('planId', '');
            }}
            error={errorOf('serviceType')}
          />
          <NativeSelect
            label="Plan"
            data={[
              {
                value: '',
                label: plans.isPending ? 'Loading plans…' : 'Choose a plan',
                disabled: true,
              },
              ...planChoices.map((p) => ({
                value: String(p.id),
                label: p.active ? p.name : `${p.name} (retired)`,
              })),
            ]}
            description={
              selectedPlan
                ? `${money(selectedPlan.price)} per ${String(selectedPlan.validity.count)} ${selectedPlan.validity.unit}`
                : planChoices.length === 0 && !plans.isPending
                  ? 'No active plan for this service type'
                  : undefined
            }
            {...text('planId')}
          />
          <TextInput
            label="Service login"
            description="PPPoE or hotspot user name on the router"
            autoComplete="off"
            {...text('serviceLogin')}
          />
          <PasswordInput
            label={client ? 'New service password' : 'Service password'}
            description={client ? 'Leave empty to keep the current password' : 'Stored encrypted'}
            autoComplete="new-password"
            {...text('servicePassword')}
          />
          <TextInput
            label="Static IP"
            description="Optional, IPv4"
            autoComplete="off"
            {...text('staticIp')}
          />
          <TextInput
            label="MAC address"
            description="Optional, AA:BB:CC:DD:EE:FF"
            autoComplete="off"
            {...text('mac')}
          />
          {routers.isSuccess ? (
            <NativeSelect
              label="Router"
              description="The router that serves this client"
              data={[
                { value: '', label: 'No router' },
                ...routers.data.map((r) => ({ value: String(r.id), label: r.name })),
                // A router removed meanwhile stays visible until another one is chosen.
                ...(values.routerId !== '' &&
                !routers.data.some((r) => String(r.id) === values.routerId)
                  ? [{ value: values.routerId, label: `Router ${values.routerId} (not found)` }]
                  : []),
              ]}
              {...text('routerId')}
            />
          ) : (
            <TextInput
              label="Router ID"
              description="Optional: the router that serves this client"
              inputMode="numeric"
              autoComplete="off"
              {...text('routerId')}
            />
          )}
          {client && (
            <NativeSelect
              label="Status"
              description="Expired and archived follow from the expiry and the archive actions"
              data={[
                { value: '', label: `Unchanged (${client.status})` },
                { value: 'active', label: 'Active' },
                { value: 'suspended', label: 'Suspended' },
                { value: 'disabled', label: 'Disabled' },
              ]}
              value={values.status}
              onChange={(e) => {
                const v = e.currentTarget.value;
                set('status', v === 'active' || v === 'suspended' || v === 'disabled' ? v : '');
              }}
              error={errorOf('status')}
            />
          )}
        </SimpleGrid>
        <Textarea label="Notes" rows={2} {...text('notes')} />

        <Group justify="flex-end" className={classes.actions}>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {client ? 'Save client' : 'Create client'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
