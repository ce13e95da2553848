import type { AlertRule, AlertSeverity, AlertStatus } from '@contract/schemas/alerts';
import type { OfficeClock } from '../../lib/office-time';
import type { ApiActivityFilter } from '../activity/filter-params';
import { viewFromApiFilter, viewToParams } from '../activity/filter-params';

export const RULE_LABELS: Record<AlertRule, string> = {
  brute_force: 'Repeated failed sign-ins',
  password_spraying: 'Password spraying',
  new_source: 'Sign-in from a new address',
  outside_hours: 'Outside office hours',
  money_anomaly: 'Refunds, voids and negative adjustments',
  mass_change: 'Mass change',
  router_trouble: 'Routers',
  log_integrity: 'The activity log itself',
};

export const SEVERITY_LABELS: Record<AlertSeverity, { label: string; color: string }> = {
  critical: { label: 'Critical', color: 'red' },
  high: { label: 'High', color: 'orange' },
  medium: { label: 'Medium', color: 'yellow' },
  low: { label: 'Low', color: 'gray' },
};

export const STATUS_LABELS: Record<AlertStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

/** The Activity Log screen showing an alert's entries (its filters live in the URL). */
export const pivotPath = (pivot: ApiActivityFilter, clock: OfficeClock): string => {
  const params = viewToParams(viewFromApiFilter(pivot, clock));
  return `/activity?${params.toString()}`;
};
