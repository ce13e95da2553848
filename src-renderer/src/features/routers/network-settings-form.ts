import type { In } from '@contract/api';
import { UpdateNetworkSettingsInput, type NetworkSettings } from '@contract/schemas/routers';
import { fieldIssuesOf } from '@contract/zod-issues';
import { addFieldErrors, topFieldErrors } from '../../lib/validate';

export type NetworkSettingsFormValues = {
  autoSyncIntervalMin: string;
  /** `fix` or `report`. */
  autoSyncMode: string;
  expiryIntervalMin: string;
  cpuThresholdPct: string;
  memoryThresholdPct: string;
};
export type NetworkSettingsField = keyof NetworkSettingsFormValues;
export type NetworkSettingsErrors = Partial<Record<NetworkSettingsField, string>>;

const NUMBERS = [
  'autoSyncIntervalMin',
  'expiryIntervalMin',
  'cpuThresholdPct',
  'memoryThresholdPct',
] as const;
type NumberField = (typeof NUMBERS)[number];

const LABELS: Record<NumberField, string> = {
  autoSyncIntervalMin: 'Auto-sync interval',
  expiryIntervalMin: 'Expiry interval',
  cpuThresholdPct: 'CPU threshold',
  memoryThresholdPct: 'Memory threshold',
};

export const networkSettingsToForm = (s: NetworkSettings): NetworkSettingsFormValues => ({
  autoSyncIntervalMin: String(s.autoSyncIntervalMin),
  autoSyncMode: s.autoSyncFix ? 'fix' : 'report',
  expiryIntervalMin: String(s.expiryIntervalMin),
  cpuThresholdPct: String(s.cpuThresholdPct),
  memoryThresholdPct: String(s.memoryThresholdPct),
});

/**
 * The changed settings as a `routers.updateSettings` input (null when nothing changed), or a
 * message per field. Numbers are checked against the contract, so the limits are said once.
 */
export function networkSettingsChanges(
  current: NetworkSettings,
  v: NetworkSettingsFormValues,
):
  | { ok: true; input: In<'routers.updateSettings'> | null }
  | { ok: false; errors: NetworkSettingsErrors } {
  const errors: NetworkSettingsErrors = {};
  const candidate: Record<string, number | boolean> = { autoSyncFix: v.autoSyncMode === 'fix' };
  for (const f of NUMBERS) {
    const text = v[f].trim();
    if (!/^-?\d+$/.test(text)) errors[f] = `${LABELS[f]} must be a whole number`;
    else candidate[f] = Number(text);
  }
  const checked = UpdateNetworkSettingsInput.safeParse(candidate);
  if (!checked.success) {
    addFieldErrors(errors, topFieldErrors(fieldIssuesOf(checked.error)));
  }
  if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
  const next = checked.data;
  const input: Partial<NetworkSettings> = {};
  for (const f of NUMBERS) {
    const value = next[f];
    if (value !== undefined && value !== current[f]) input[f] = value;
  }
  if (next.autoSyncFix !== undefined && next.autoSyncFix !== current.autoSyncFix) {
    input.autoSyncFix = next.autoSyncFix;
  }
  return { ok: true, input: Object.keys(input).length > 0 ? input : null };
}
