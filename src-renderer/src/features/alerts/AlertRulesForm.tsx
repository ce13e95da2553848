import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { AlertMailSettings, AlertRuleSettings } from '@contract/schemas/alerts';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { serverFieldError } from '../../lib/server-errors';

type NumberField = {
  [K in keyof AlertRuleSettings]: AlertRuleSettings[K] extends number ? K : never;
}[keyof AlertRuleSettings];

const NUMBERS: [NumberField, string][] = [
  ['bruteForceAccountFailures', 'Failed sign-ins per account'],
  ['bruteForceAddressFailures', 'Failed sign-ins per address'],
  ['bruteForceWindowMinutes', '… within minutes'],
  ['sprayAccounts', 'Accounts failed from one address (spraying)'],
  ['sprayWindowMinutes', '… within minutes'],
  ['newSourceLearningDays', 'Learning period for new addresses (days)'],
  ['newSourceForgetDays', 'An address is new again after (days)'],
  ['hoursGraceMinutes', 'Grace around office hours (minutes)'],
  ['moneyCountPerDay', 'Refunds, voids, negative adjustments per staff per day'],
  ['moneyAmountPerDay', '… or their total per day (minor units)'],
  ['massArchives', 'Clients archived by one person'],
  ['massEdits', 'Clients changed by one person'],
  ['massWindowMinutes', '… within minutes'],
  ['massExportRows', 'Rows in one export'],
  ['routerOfflineMinutes', 'Router offline longer than (minutes)'],
];
const HOURS: [keyof AlertRuleSettings, string][] = [
  ['hoursMon', 'Monday'],
  ['hoursTue', 'Tuesday'],
  ['hoursWed', 'Wednesday'],
  ['hoursThu', 'Thursday'],
  ['hoursFri', 'Friday'],
  ['hoursSat', 'Saturday'],
  ['hoursSun', 'Sunday'],
];

/** The rules' thresholds, office hours and the owner's alert email; changes are logged. */
export function AlertRulesForm() {
  const current = useApiQuery('alerts.rules', undefined);
  if (current.isPending) return <LoadingState label="Loading alert rules…" />;
  if (!current.data) return null;
  return <RulesForm rules={current.data.rules} mail={current.data.mail} />;
}

function RulesForm({ rules, mail }: { rules: AlertRuleSettings; mail: AlertMailSettings }) {
  const [values, setValues] = useState(rules);
  const [mailValues, setMailValues] = useState({ ...mail, password: '' });
  const save = useApiMutation('alerts.updateRules', {
    onSuccess: (out) => {
      setValues(out.rules);
      setMailValues({ ...out.mail, password: '' });
      notifySuccess('Alert rules saved.');
    },
    onError: (e: unknown) => notifyError(e, 'Could not save the alert rules'),
  });
  const err = (field: string) => serverFieldError(save.error, field);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const changedRules = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => rules[k as keyof AlertRuleSettings] !== v),
    );
    const { password, ...rest } = mailValues;
    const changedMail = Object.fromEntries(
      Object.entries(rest).filter(
        ([k, v]) => k !== 'passwordSet' && mail[k as keyof AlertMailSettings] !== v,
      ),
    );
    save.mutate({
      rules: changedRules,
      mail: password === '' ? changedMail : { ...changedMail, password },
    });
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Alert rules">
      <Stack gap="md">
        <Title order={2} size="h4">
          Rules
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {NUMBERS.map(([field, label]) => (
            <NumberInput
              key={field}
              label={label}
              value={values[field]}
              min={0}
              allowDecimal={false}
              onChange={(v) => setValues((s) => ({ ...s, [field]: typeof v === 'number' ? v : 0 }))}
              error={err(`rules.${field}`)}
            />
          ))}
        </SimpleGrid>
        <Title order={3} size="h5">
          Office hours (HH:MM-HH:MM, empty when closed; in the office time zone)
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }}>
          {HOURS.map(([field, label]) => (
            <TextInput
              key={field}
              label={label}
              value={String(values[field])}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((s) => ({ ...s, [field]: v }));
              }}
              error={err(`rules.${field}`)}
            />
          ))}
        </SimpleGrid>
        <Title order={2} size="h4">
          Email to the owner
        </Title>
        <Checkbox
          label="Email each new alert"
          checked={mailValues.enabled}
          onChange={(e) => {
            const v = e.currentTarget.checked;
            setMailValues((s) => ({ ...s, enabled: v }));
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label="SMTP server"
            value={mailValues.host}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMailValues((s) => ({ ...s, host: v }));
            }}
            error={err('mail.host')}
          />
          <NumberInput
            label="Port"
            value={mailValues.port}
            allowDecimal={false}
            onChange={(v) => setMailValues((s) => ({ ...s, port: typeof v === 'number' ? v : 0 }))}
            error={err('mail.port')}
          />
          <Checkbox
            mt="lg"
            label="TLS from the start (port 465)"
            checked={mailValues.tls}
            onChange={(e) => {
              const v = e.currentTarget.checked;
              setMailValues((s) => ({ ...s, tls: v }));
            }}
          />
          <TextInput
            label="User"
            value={mailValues.user}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMailValues((s) => ({ ...s, user: v }));
            }}
          />
          <PasswordInput
            label="Password"
            placeholder={mail.passwordSet ? 'Stored (type to replace)' : 'None stored'}
            value={mailValues.password}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMailValues((s) => ({ ...s, password: v }));
            }}
            autoComplete="new-password"
          />
          <TextInput
            label="From"
            value={mailValues.from}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMailValues((s) => ({ ...s, from: v }));
            }}
            error={err('mail.from')}
          />
          <TextInput
            label="To (the owner)"
            value={mailValues.to}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setMailValues((s) => ({ ...s, to: v }));
            }}
            error={err('mail.to')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save alert settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
