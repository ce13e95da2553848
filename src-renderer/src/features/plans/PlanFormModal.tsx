import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Plan } from '@contract/schemas/plans';
import { useApiMutation } from '../../api/hooks';
import { MoneyInput } from '../billing/MoneyInput';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useOffice } from '../settings/office-context';
import { EMPTY_PLAN_FORM, planChanges, planFormToInput, planToForm } from './plan-form';
import type { PlanErrors, PlanField, PlanFormValues } from './plan-form';

const FIELDS: readonly string[] = [
  'name',
  'serviceType',
  'rateDownKbps',
  'rateUpKbps',
  'burst',
  'price',
  'validity',
  'routerProfile',
  'expiryAction',
  'isolationProfile',
  'isolationAddressList',
  'graceDays',
];

const RATE_HELP = 'kbit/s, or with a unit: 512k, 10M, 1G';

export function PlanFormModal({
  plan,
  opened,
  onClose,
  onSaved,
}: {
  /** The plan to edit; null with `opened` adds a new one. */
  plan: Plan | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (plan: Plan, created: boolean) => void;
}) {
  const title = plan ? `Edit plan ${plan.name}` : 'Add plan';
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      {opened && (
        <PlanForm
          key={plan?.id ?? 'new'}
          plan={plan}
          title={title}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function PlanForm({
  plan,
  title,
  onCancel,
  onSaved,
}: {
  plan: Plan | null;
  title: string;
  onCancel: () => void;
  onSaved: (plan: Plan, created: boolean) => void;
}) {
  const { currency } = useOffice();
  const digits = currency.minorUnitDigits;
  const [values, setValues] = useState<PlanFormValues>(
    plan ? planToForm(plan, digits) : EMPTY_PLAN_FORM,
  );
  const [errors, setErrors] = useState<PlanErrors>({});
  const create = useApiMutation('plans.create', { onSuccess: (p) => onSaved(p, true) });
  const update = useApiMutation('plans.update', { onSuccess: (p) => onSaved(p, false) });
  const mutation = plan ? update : create;
  const generalError = serverFormError(mutation.error, FIELDS);

  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
  };
  const errorOf = (field: PlanField) => errors[field] ?? serverFieldError(mutation.error, field);
  const text = (key: keyof PlanFormValues, field: PlanField) => ({
    value: values[key] as string,
    onChange: (event: { currentTarget: { value: string } }) => {
      set(key, event.currentTarget.value);
      setErrors((e) => ({ ...e, [field]: undefined }));
    },
    error: errorOf(field),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const parsed = planFormToInput(values, digits);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (!plan) {
      create.mutate(parsed.input);
      return;
    }
    const changes = planChanges(plan, parsed.input);
    if (changes) update.mutate(changes);
    else onCancel();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" title="The plan was not saved">
            {generalError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Plan name"
            data-autofocus
            autoComplete="off"
            {...text('name', 'name')}
          />
          <NativeSelect
            label="Service type"
            data={[
              { value: 'pppoe', label: 'PPPoE' },
              { value: 'hotspot', label: 'Hotspot' },
            ]}
            value={values.serviceType}
            onChange={(e) =>
              set('serviceType', e.currentTarget.value === 'hotspot' ? 'hotspot' : 'pppoe')
            }
            error={errorOf('serviceType')}
          />
          <TextInput
            label="Download rate"
            description={RATE_HELP}
            {...text('rateDown', 'rateDownKbps')}
          />
          <TextInput
            label="Upload rate"
            description={RATE_HELP}
            {...text('rateUp', 'rateUpKbps')}
          />
        </SimpleGrid>

        <Checkbox
          label="Burst"
          description="Allow short bursts above the rate (RouterOS burst-limit)"
          checked={values.burstEnabled}
          onChange={(e) => set('burstEnabled', e.currentTarget.checked)}
        />
        {values.burstEnabled && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Burst download rate" {...text('burstDown', 'burst.downKbps')} />
            <TextInput label="Burst upload rate" {...text('burstUp', 'burst.upKbps')} />
            <TextInput
              label="Burst threshold download"
              {...text('thresholdDown', 'burst.thresholdDownKbps')}
            />
            <TextInput
              label="Burst threshold upload"
              {...text('thresholdUp', 'burst.thresholdUpKbps')}
            />
            <TextInput
              label="Burst time (seconds)"
              inputMode="numeric"
              {...text('burstTime', 'burst.timeSeconds')}
            />
          </SimpleGrid>
        )}

        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <MoneyInput label="Price" description="Per validity period" {...text('price', 'price')} />
          <TextInput label="Validity" inputMode="numeric" {...text('validityCount', 'validity')} />
          <NativeSelect
            label="Validity unit"
            data={[
              { value: 'days', label: 'Days' },
              { value: 'months', label: 'Calendar months' },
            ]}
            value={values.validityUnit}
            onChange={(e) =>
              set('validityUnit', e.currentTarget.value === 'months' ? 'months' : 'days')
            }
          />
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Router profile"
            description="The PPP or hotspot user profile on the router"
            autoComplete="off"
            {...text('routerProfile', 'routerProfile')}
          />
          <TextInput
            label="Grace days"
            description="Days of service after expiry before the expiry action"
            inputMode="numeric"
            {...text('graceDays', 'graceDays')}
          />
          <NativeSelect
            label="On expiry"
            data={[
              { value: 'isolate', label: 'Isolate (profile or address list)' },
              { value: 'disable', label: 'Disable the account' },
            ]}
            value={values.expiryAction}
            onChange={(e) =>
              set('expiryAction', e.currentTarget.value === 'disable' ? 'disable' : 'isolate')
            }
            error={errorOf('expiryAction')}
          />
        </SimpleGrid>
        {values.expiryAction === 'isolate' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Isolation profile"
              description="Profile expired clients move to"
              autoComplete="off"
              {...text('isolationProfile', 'isolationProfile')}
            />
            <TextInput
              label="Isolation address list"
              description="Or an address list that redirects them"
              autoComplete="off"
              {...text('isolationAddressList', 'isolationAddressList')}
            />
          </SimpleGrid>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {plan ? 'Save plan' : 'Create plan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
