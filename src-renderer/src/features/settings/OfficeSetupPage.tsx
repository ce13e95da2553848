import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import type { In } from '@contract/api';
import type { BillingSettings, OfficeProfile } from '@contract/schemas/settings';
import { CurrencyCodeSchema, TimeZoneSchema } from '@contract/schemas/settings';
import { currencyOf } from '@domain/money';
import { useApiClient } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { ErrorState, LoadingState } from '../../components/states';
import { notifySuccess } from '../../lib/notify';
import { serverFieldError, serverFormError } from '../../lib/server-errors';
import { useBillingSettings, useOfficeProfile } from './OfficeGate';
import { OfficeProfileFields } from './OfficeProfileFields';
import { RelabelPricesModal, relabelledPlansOf } from './RelabelPricesModal';
import { currencyDigits, machineDefaults, officeTimeZones } from './office-defaults';
import {
  PROFILE_FIELDS,
  profileChanges,
  profileToForm,
  type ProfileErrors,
  type ProfileField,
  type ProfileValues,
} from './office-profile-form';

/**
 * The first-run office profile, shown after the first administrator is created (and reachable
 * from the dashboard until it is saved): who the office is, its currency and time zone, with
 * defaults from this machine. "Skip for now" leaves it for later; Settings edits it any time.
 */
export function OfficeSetupPage() {
  const settings = useBillingSettings();
  const profile = useOfficeProfile();
  if (settings.isPending || profile.isPending) return <LoadingState label="Loading…" />;
  if (settings.isError || profile.isError) {
    return (
      <ErrorState
        title="Could not load the office settings"
        error={settings.error ?? profile.error}
        onRetry={() => {
          void settings.refetch();
          void profile.refetch();
        }}
      />
    );
  }
  return <SetupForm settings={settings.data} profile={profile.data} />;
}

type Plan = {
  billing: In<'settings.update'> | null;
  profile: In<'office.updateProfile'> | null;
  relabel: boolean;
};

function SetupForm({ settings, profile }: { settings: BillingSettings; profile: OfficeProfile }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const defaults = useMemo(() => machineDefaults(settings), [settings]);
  const zones = useMemo(() => {
    const all = officeTimeZones();
    return all.includes(defaults.timeZone) ? all : [defaults.timeZone, ...all];
  }, [defaults.timeZone]);
  const [values, setValues] = useState<ProfileValues>(() => profileToForm(profile));
  const [currencyCode, setCurrencyCode] = useState(defaults.currencyCode);
  const [timeZone, setTimeZone] = useState(defaults.timeZone);
  const [errors, setErrors] = useState<
    ProfileErrors & { currencyCode?: string; timeZone?: string }
  >({});
  const [planned, setPlanned] = useState<Plan | null>(null);

  const save = useMutation<null, ApiError, Plan>({
    mutationFn: async (plan) => {
      if (plan.billing) {
        const input = plan.relabel
          ? { ...plan.billing, relabelPlanPrices: true as const }
          : plan.billing;
        await client.call('settings.update', input);
      }
      if (plan.profile) await client.call('office.updateProfile', plan.profile);
      return null;
    },
    onSuccess: () => {
      void queryClient.invalidateQueries();
      notifySuccess('Office profile saved.');
      void navigate('/dashboard');
    },
  });

  const set = (field: ProfileField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    const checkedProfile = profileChanges(profile, values, true);
    if (!checkedProfile.ok) Object.assign(next, checkedProfile.errors);
    const code = CurrencyCodeSchema.safeParse(currencyCode);
    if (!code.success) next.currencyCode = code.error.issues[0]?.message;
    const zone = TimeZoneSchema.safeParse(timeZone);
    if (!zone.success) next.timeZone = zone.error.issues[0]?.message;
    setErrors(next);
    if (!checkedProfile.ok || !code.success || !zone.success) return;
    const billing: In<'settings.update'> = {};
    if (code.data !== settings.currencyCode) billing.currencyCode = code.data;
    const digits = currencyDigits(code.data);
    if (digits !== settings.minorUnitDigits) billing.minorUnitDigits = digits;
    if (zone.data !== settings.timeZone) billing.timeZone = zone.data;
    const plan: Plan = {
      billing: Object.keys(billing).length > 0 ? billing : null,
      profile: checkedProfile.input,
      relabel: false,
    };
    setPlanned(plan);
    save.mutate(plan);
  };

  const relabelled = relabelledPlansOf(save.error);
  const fieldError = (f: string) => serverFieldError(save.error, f);
  const generalError = relabelled
    ? null
    : serverFormError(save.error, [...PROFILE_FIELDS, 'currencyCode', 'timeZone']);
  const target = planned?.billing;

  return (
    <Stack gap="md" maw={820}>
      <Stack gap={2}>
        <Title order={1} size="h2">
          Set up the office
        </Title>
        <Text size="sm" c="dimmed">
          Who the office is, as receipts print it, and the currency and time zone it works in.
          Everything here can be changed later in Settings; the currency only until the first
          payment.
        </Text>
      </Stack>
      <RelabelPricesModal
        plans={relabelled}
        from={currencyOf(settings)}
        to={{
          code: target?.currencyCode ?? settings.currencyCode,
          minorUnitDigits: target?.minorUnitDigits ?? settings.minorUnitDigits,
        }}
        saving={save.isPending}
        onConfirm={() => planned && save.mutate({ ...planned, relabel: true })}
        onCancel={() => save.reset()}
      />
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate aria-label="Office profile">
          <Stack gap="md">
            {generalError && (
              <Alert color="red" variant="light" title="Not saved">
                {generalError}
              </Alert>
            )}
            <OfficeProfileFields
              values={values}
              errorOf={(f) => errors[f] ?? fieldError(f)}
              set={set}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Currency code"
                description={`ISO 4217, e.g. KES, UGX, USD; ${String(currencyDigits(currencyCode.trim().toUpperCase() || 'USD'))} digits after the point`}
                maxLength={3}
                value={currencyCode}
                onChange={(e) => {
                  setCurrencyCode(e.currentTarget.value);
                  setErrors((x) => ({ ...x, currencyCode: undefined }));
                }}
                error={errors.currencyCode ?? fieldError('currencyCode')}
              />
              <Select
                label="Office time zone"
                description="Days, drawer closes, renewals and every time shown are in this zone"
                searchable
                data={zones}
                value={timeZone}
                onChange={(v) => v && setTimeZone(v)}
                allowDeselect={false}
                nothingFoundMessage="No such time zone"
                error={errors.timeZone ?? fieldError('timeZone')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate('/dashboard')}>
                Skip for now
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save and continue
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
