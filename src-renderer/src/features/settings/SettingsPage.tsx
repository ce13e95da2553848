import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { In } from '@contract/api';
import { currencyOf } from '@domain/money';
import type { BillingSettings } from '@contract/schemas/settings';
import { queryKey, useApiMutation } from '../../api/hooks';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { useSettingsForm } from '../../lib/use-settings-form';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useBillingSettings } from './OfficeGate';
import { settingsChanges, settingsToForm } from './settings-form';
import { SharingPanel } from './SharingPanel';
import { officeTimeZones } from './office-defaults';
import { OfficeProfileForm } from './OfficeProfileForm';
import { RelabelPricesModal, relabelledPlansOf } from './RelabelPricesModal';
import { ForwardingSettingsPanel } from '../forwarding/ForwardingSettingsForm';
import type { SettingsField, SettingsFormValues } from './settings-form';

const FIELDS: SettingsField[] = [
  'currencyCode',
  'minorUnitDigits',
  'timeZone',
  'adjustmentLimit',
  'accountPrefix',
];

export function SettingsPage() {
  const settings = useBillingSettings();
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Settings
        </Title>
        <Text size="sm" c="dimmed">
          The office&apos;s currency, time zone and cash controls, its name and address on receipts,
          and sharing this workstation.
        </Text>
      </Stack>
      {settings.isPending ? (
        <LoadingState label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorState
          title="Could not load settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <SettingsForm key={JSON.stringify(settings.data)} current={settings.data} />
      )}
      <OfficeProfileForm />
      <SharingPanel />
      <ForwardingSettingsPanel />
    </Stack>
  );
}

function SettingsForm({ current }: { current: BillingSettings }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<In<'settings.update'> | null>(null);
  const zones = useMemo(() => {
    const all = officeTimeZones();
    return all.includes(current.timeZone) ? all : [current.timeZone, ...all];
  }, [current.timeZone]);
  const update = useApiMutation('settings.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKey('settings.get'), saved);
      void queryClient.invalidateQueries();
      notifySuccess('Settings saved.');
    },
  });
  const relabelled = relabelledPlansOf(update.error);
  const generalError = relabelled ? null : serverFormError(update.error, FIELDS);
  const { values, errors, set, submit } = useSettingsForm({
    initial: () => settingsToForm(current),
    check: (v: SettingsFormValues) => settingsChanges(current, v),
    save: (input) => {
      setPending(input);
      update.mutate(input);
    },
  });
  const errorOf = (f: SettingsField) => errors[f] ?? serverFieldError(update.error, f);

  return (
    <Paper withBorder p="md" radius="md" maw={760}>
      <RelabelPricesModal
        plans={relabelled}
        from={currencyOf(current)}
        to={{
          code: pending?.currencyCode ?? current.currencyCode,
          minorUnitDigits: pending?.minorUnitDigits ?? current.minorUnitDigits,
        }}
        saving={update.isPending}
        onConfirm={() => pending && update.mutate({ ...pending, relabelPlanPrices: true })}
        onCancel={() => update.reset()}
      />
      <form onSubmit={submit} noValidate aria-label="Billing settings">
        <Stack gap="md">
          {generalError && (
            <Alert color="red" variant="light" title="Settings not saved">
              {generalError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Currency code"
              description="ISO 4217, e.g. KES, UGX, USD. Fixed once money has been recorded."
              maxLength={3}
              value={values.currencyCode}
              onChange={(e) => set('currencyCode', e.currentTarget.value)}
              error={errorOf('currencyCode')}
            />
            <NativeSelect
              label="Digits after the decimal point"
              description="2 for cents; 0 for currencies without minor units (UGX)"
              data={['0', '1', '2', '3']}
              value={values.minorUnitDigits}
              onChange={(e) => set('minorUnitDigits', e.currentTarget.value)}
              error={errorOf('minorUnitDigits')}
            />
            <Select
              label="Office time zone"
              description="Days, drawer closes and renewals are counted in this zone"
              searchable
              data={zones}
              value={values.timeZone}
              onChange={(v) => v && set('timeZone', v)}
              allowDeselect={false}
              nothingFoundMessage="No such time zone"
              error={errorOf('timeZone')}
            />
            <TextInput
              label="Adjustment limit"
              description="Manual adjustments above this need an administrator"
              inputMode="decimal"
              rightSection={
                <Text size="xs" c="dimmed" aria-hidden>
                  {values.currencyCode.toUpperCase()}
                </Text>
              }
              rightSectionWidth={56}
              value={values.adjustmentLimit}
              onChange={(e) => set('adjustmentLimit', e.currentTarget.value)}
              error={errorOf('adjustmentLimit')}
            />
            <TextInput
              label="Account number prefix"
              description="New accounts are numbered PREFIX000001, PREFIX000002, …"
              maxLength={7}
              value={values.accountPrefix}
              onChange={(e) => set('accountPrefix', e.currentTarget.value)}
              error={errorOf('accountPrefix')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
