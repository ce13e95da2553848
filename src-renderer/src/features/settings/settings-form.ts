import type { In } from '@contract/api';
import { UpdateSettingsInput } from '@contract/schemas/settings';
import type { BillingSettings } from '@contract/schemas/settings';
import { minorToInput } from '@domain/money';
import { parseMoney } from '../billing/money';
import { fieldIssuesOf } from '@contract/zod-issues';
import { addFieldErrors, topFieldErrors } from '../../lib/validate';

export type SettingsFormValues = {
  currencyCode: string;
  minorUnitDigits: string;
  timeZone: string;
  adjustmentLimit: string;
  accountPrefix: string;
};
export type SettingsField = keyof SettingsFormValues;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

export const settingsToForm = (s: BillingSettings): SettingsFormValues => ({
  currencyCode: s.currencyCode,
  minorUnitDigits: String(s.minorUnitDigits),
  timeZone: s.timeZone,
  adjustmentLimit: minorToInput(s.adjustmentLimit, s.minorUnitDigits),
  accountPrefix: s.accountPrefix,
});

/**
 * The changed settings as a `settings.update` input (null when nothing changed), or errors. The
 * adjustment limit is typed in the currency's major units and read with the digits being saved.
 */
export function settingsChanges(
  current: BillingSettings,
  v: SettingsFormValues,
): { ok: true; input: In<'settings.update'> | null } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const digits = Number(v.minorUnitDigits);
  const limit = parseMoney(v.adjustmentLimit, digits, { allowZero: true });
  if (!limit.ok) errors.adjustmentLimit = limit.error;
  const candidate = {
    currencyCode: v.currencyCode.trim().toUpperCase(),
    minorUnitDigits: digits,
    timeZone: v.timeZone.trim(),
    adjustmentLimit: limit.ok ? limit.value : 0,
    accountPrefix: v.accountPrefix.trim().toUpperCase(),
  };
  const checked = UpdateSettingsInput.safeParse(candidate);
  if (!checked.success) {
    addFieldErrors(errors, topFieldErrors(fieldIssuesOf(checked.error)));
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const input: In<'settings.update'> = {};
  if (candidate.currencyCode !== current.currencyCode) input.currencyCode = candidate.currencyCode;
  if (candidate.minorUnitDigits !== current.minorUnitDigits) {
    input.minorUnitDigits = candidate.minorUnitDigits;
  }
  if (candidate.timeZone !== current.timeZone) input.timeZone = candidate.timeZone;
  if (candidate.adjustmentLimit !== current.adjustmentLimit) {
    input.adjustmentLimit = candidate.adjustmentLimit;
  }
  if (candidate.accountPrefix !== current.accountPrefix)
    input.accountPrefix = candidate.accountPrefix;
  return { ok: true, input: Object.keys(input).length > 0 ? input : null };
}
