import { OUTCOME_LABELS, TYPE_LABELS, categoryLabel } from './activity-labels';
import { QUICK_RANGES, viewFromParams, viewKey } from './filter-params';
import type { ActivityView } from './filter-params';

export const MAX_RECENT = 10;

/** localStorage key of a staff member's recent searches (one list per person on a workstation). */
export const recentStorageKey = (staffId: number) => `ispdesk.activity.recent.${String(staffId)}`;

/**
 * The list after using `view`: it moves to the front, an identical earlier filter is dropped, an
 * empty filter is not kept, and only the last `MAX_RECENT` remain. Filters are kept as their URL
 * query strings, so quick ranges stay relative.
 */
export function addRecent(list: readonly string[], view: ActivityView): string[] {
  const key = viewKey(view);
  if (key === '') return [...list];
  return [key, ...list.filter((k) => k !== key)].slice(0, MAX_RECENT);
}

/** Reads a stored list, ignoring anything that is not a list of strings. */
export function parseRecent(stored: string | null): string[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

export const recentView = (key: string): ActivityView => viewFromParams(new URLSearchParams(key));

const formatBound = (value: string) => (value.includes('T') ? value.replace('T', ' ') : value);

/** A one-line summary of a filter, e.g. `"reboot" · User · Failure · Last 7 days`. */
export function describeView(view: ActivityView, staffName?: (id: number) => string | undefined) {
  const parts: string[] = [];
  if (view.text.trim()) parts.push(`"${view.text.trim()}"`);
  if (view.types.length) parts.push(view.types.map((t) => TYPE_LABELS[t]).join(' or '));
  if (view.categories.length) parts.push(view.categories.map(categoryLabel).join(' or '));
  if (view.outcome) parts.push(OUTCOME_LABELS[view.outcome]);
  if (view.ip.trim()) parts.push(`IP ${view.ip.trim()}`);
  if (view.actorId !== null) {
    parts.push(`Staff ${staffName?.(view.actorId) ?? `#${String(view.actorId)}`}`);
  }
  if (view.clientId !== null) parts.push(`Client #${String(view.clientId)}`);
  if (view.routerId !== null) parts.push(`Router #${String(view.routerId)}`);
  if (view.correlationId.trim()) parts.push(`Correlation ${view.correlationId.trim()}`);
  if (view.range) parts.push(QUICK_RANGES[view.range].label);
  else if (view.from || view.to) {
    parts.push(
      `${view.from ? formatBound(view.from) : '…'} – ${view.to ? formatBound(view.to) : '…'}`,
    );
  }
  return parts.length ? parts.join(' · ') : 'Everything';
}
