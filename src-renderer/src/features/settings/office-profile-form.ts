import type { In } from '@contract/api';
import { UpdateOfficeProfileInput, type OfficeProfile } from '@contract/schemas/settings';
import { fieldIssuesOf } from '@contract/zod-issues';
import { addFieldErrors, topFieldErrors } from '../../lib/validate';

export const PROFILE_FIELDS = [
  'businessName',
  'address',
  'phone',
  'registrationNumber',
  'receiptFooter',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Record<ProfileField, string>;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export const profileToForm = (p: OfficeProfile): ProfileValues => ({
  businessName: p.businessName,
  address: p.address,
  phone: p.phone,
  registrationNumber: p.registrationNumber,
  receiptFooter: p.receiptFooter,
});

/**
 * The changed profile fields as an `office.updateProfile` input (null when nothing changed), or
 * the messages to show beside the fields. `finish` marks the first-run setup done.
 */
export function profileChanges(
  current: OfficeProfile,
  v: ProfileValues,
  finish = false,
): { ok: true; input: In<'office.updateProfile'> | null } | { ok: false; errors: ProfileErrors } {
  const input: In<'office.updateProfile'> = {};
  for (const f of PROFILE_FIELDS) {
    const value = v[f].trim();
    if (value !== current[f] || (f === 'businessName' && finish)) input[f] = value;
  }
  if (finish && !current.setupDone) input.setupDone = true;
  if (Object.keys(input).length === 0) return { ok: true, input: null };
  const checked = UpdateOfficeProfileInput.safeParse(input);
  if (!checked.success) {
    const errors: ProfileErrors = {};
    addFieldErrors(errors, topFieldErrors(fieldIssuesOf(checked.error)));
    return { ok: false, errors };
  }
  return { ok: true, input };
}
