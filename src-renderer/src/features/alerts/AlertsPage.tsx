import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Alert, AlertStatus } from '@contract/schemas/alerts';
import { useApiMutation } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useSession } from '../auth/session-context';
import { OfficeGate } from '../settings/OfficeGate';
import { AcknowledgeModal } from './AcknowledgeModal';
import { AlertEmailsLog } from './AlertEmailsLog';
import { AlertRulesForm } from './AlertRulesForm';
import { AlertsTable } from './AlertsTable';
import { useAlertsList, useInvalidateAlerts } from './use-alerts';

const SHOWN: Record<string, { label: string; statuses: AlertStatus[] }> = {
  current: { label: 'Open and acknowledged', statuses: ['open', 'acknowledged'] },
  resolved: { label: 'Resolved', statuses: ['resolved'] },
};

/** Alerts raised by the rules over the activity log: what happened, how often, and its entries. */
/** Inside the office gate: every time on this screen is in the office's zone. */
export function AlertsPage() {
  return (
    <OfficeGate>
      <AlertsScreen />
    </OfficeGate>
  );
}

function AlertsScreen() {
  const { can } = useSession();
  const [shown, setShown] = useState('current');
  const list = useAlertsList(SHOWN[shown]?.statuses);
  const [acknowledging, setAcknowledging] = useState<Alert | null>(null);
  const invalidate = useInvalidateAlerts();
  const resolve = useApiMutation('alerts.resolve', {
    onSuccess: (a) => notifySuccess(a.title, 'Alert resolved'),
    onError: (e: unknown) => notifyError(e, 'Could not resolve the alert'),
    onSettled: () => void invalidate(),
  });

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">
          Alerts
        </Title>
        <Text size="sm" c="dimmed">
          The activity log watches for you: failed sign-ins, unusual money operations, mass changes,
          router trouble and the log&apos;s own integrity. Repeats add to one alert.
        </Text>
      </Stack>
      <SegmentedControl
        value={shown}
        onChange={setShown}
        data={Object.entries(SHOWN).map(([value, s]) => ({ value, label: s.label }))}
        w="fit-content"
      />
      {list.isPending ? (
        <LoadingState label="Loading alerts…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the alerts"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.alerts.length === 0 ? (
        <EmptyState>{shown === 'current' ? 'No open alerts.' : 'No resolved alerts.'}</EmptyState>
      ) : (
        <AlertsTable
          alerts={list.data.alerts}
          canManage={can('alerts.manage')}
          onAcknowledge={setAcknowledging}
          onResolve={(a) => resolve.mutate({ id: a.id })}
        />
      )}
      <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />
      <AlertEmailsLog />
      {can('alerts.manage') && <AlertRulesForm />}
    </Stack>
  );
}
