import type { Router, RouterStatus, RouterTlsMode } from '@contract/schemas/routers';
import type { DriftItem } from '@contract/schemas/sync';

export const STATUS_LABELS: Record<RouterStatus, string> = {
  online: 'Online',
  offline: 'Offline',
  degraded: 'Degraded',
  unknown: 'Unknown',
};

export const STATUS_COLORS: Record<RouterStatus, string> = {
  online: 'teal',
  offline: 'red',
  degraded: 'yellow',
  unknown: 'gray',
};

/** The badge a router shows: disabled routers read "Disabled" whatever their last status. */
export const routerBadge = (router: Pick<Router, 'status' | 'enabled'>) =>
  router.enabled
    ? { label: STATUS_LABELS[router.status], color: STATUS_COLORS[router.status] }
    : { label: 'Disabled', color: 'gray' };

export const TLS_LABELS: Record<RouterTlsMode, string> = {
  off: 'Off (plain API)',
  anonymous: 'API-SSL, no certificate check (anonymous)',
  insecure: 'API-SSL, any certificate',
};

/** `3d 4h`, `2h 5m`, `45s`. */
export const formatUptime = (sec: number | null): string => {
  if (sec === null) return '—';
  const d = Math.floor(sec / 86_400);
  const h = Math.floor((sec % 86_400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  if (d > 0) return `${String(d)}d ${String(h)}h`;
  if (h > 0) return `${String(h)}h ${String(m)}m`;
  if (m > 0) return `${String(m)}m`;
  return `${String(sec)}s`;
};

export const formatPct = (value: number | null): string =>
  value === null ? '—' : `${String(value)}%`;

export const DRIFT_KIND_LABELS: Record<DriftItem['kind'], string> = {
  missing: 'Missing on router',
  unknown: 'Unknown (router only)',
  different: 'Different',
};

export const DRIFT_KIND_COLORS: Record<DriftItem['kind'], string> = {
  missing: 'orange',
  unknown: 'grape',
  different: 'blue',
};

export const MENU_LABELS: Record<DriftItem['menu'], string> = {
  'ppp-secret': 'PPP secret',
  'ppp-profile': 'PPP profile',
  'hotspot-user': 'Hotspot user',
  'hotspot-profile': 'Hotspot profile',
  'address-list': 'Address list',
};
