import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { EventPayload } from '@contract/api';
import type { AlertStatus } from '@contract/schemas/alerts';
import { useApiClient } from '../../api/api-context';
import { queryKey, useApiQuery } from '../../api/hooks';
import { SEVERITY_LABELS } from './alert-labels';

export const useAlertsList = (statuses?: AlertStatus[]) =>
  useApiQuery('alerts.list', statuses ? { statuses } : undefined);

export function useInvalidateAlerts() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKey('alerts.list') }),
    [queryClient],
  );
}

/** A desktop notification in the Electron window (when allowed), an in-page one in a browser. */
const announce = (alert: EventPayload<'alert.raised'>, desktop: boolean) => {
  const title = `Alert: ${SEVERITY_LABELS[alert.severity].label}`;
  if (desktop && typeof Notification !== 'undefined' && Notification.permission !== 'denied') {
    const show = () =>
      new Notification(title, { body: alert.title, tag: `alert-${String(alert.id)}` });
    if (Notification.permission === 'granted') show();
    else void Notification.requestPermission().then((p) => p === 'granted' && show());
    return;
  }
  notifications.show({
    color: SEVERITY_LABELS[alert.severity].color,
    title,
    message: alert.title,
    autoClose: 10_000,
  });
};

/**
 * Hears `alert.raised` (sent only to those who may read alerts): refreshes the lists and the
 * header badge, and shows the alert.
 */
export function useAlertPush(enabled: boolean) {
  const client = useApiClient();
  const invalidate = useInvalidateAlerts();
  useEffect(() => {
    if (!enabled) return undefined;
    return client.subscribe('alert.raised', (alert) => {
      void invalidate();
      announce(alert, client.transport.kind === 'ipc');
    });
  }, [client, invalidate, enabled]);
}
