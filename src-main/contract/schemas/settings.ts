import { z } from 'zod';
import { plainText } from './common';
import { MAX_AMOUNT } from './money';

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Time zone is required')
  .max(64)
  .refine(isTimeZone, 'Unknown time zone (use an IANA name such as Africa/Nairobi)');

export const CurrencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code');

export const AccountPrefixSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{0,6}-?$/, 'Account prefix: up to 6 letters or digits, optionally ending in -');

/** Office-wide billing settings, kept in the `settings` key/value table. */
export const BillingSettingsSchema = z.object({
  currencyCode: z.string(),
  /** Digits after the decimal point of the currency (2 for USD, 0 for UGX). */
  minorUnitDigits: z.number().int(),
  /** Days, drawer closes and renewals are reckoned in this IANA zone. */
  timeZone: z.string(),
  /** Manual adjustments above this many minor units need `billing.adjustAboveLimit`. */
  adjustmentLimit: z.number().int(),
  accountPrefix: z.string(),
});
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

export const UpdateSettingsInput = z
  .strictObject({
    currencyCode: CurrencyCodeSchema.optional(),
    minorUnitDigits: z.number().int().min(0).max(3).optional(),
    timeZone: TimeZoneSchema.optional(),
    adjustmentLimit: z.number().int().min(0).max(MAX_AMOUNT).optional(),
    accountPrefix: AccountPrefixSchema.optional(),
    /**
     * Plan prices are stored as numbers in the currency's minor units: a new currency (or number
     * of digits) relabels them without converting. With plans in the office, a change of either
     * is refused (conflict, listing the plans) until it comes with this confirmation.
     */
    relabelPlanPrices: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'relabelPlanPrices'), {
    error: 'Nothing to change',
  });
export type UpdateSettings = z.infer<typeof UpdateSettingsInput>;

const profileText = (label: string, max: number, opts: { multiline?: boolean } = {}) =>
  plainText(
    z
      .string()
      .trim()
      .max(max, `${label}: at most ${String(max)} characters`),
    label,
    opts,
  );

/**
 * Who the office is, as printed on receipts: asked once after the first administrator is
 * created, editable in Settings. `setupDone` is set when that first-run step is saved, so that
 * the dashboard keeps reminding until it is.
 */
export const OfficeProfileSchema = z.object({
  businessName: z.string(),
  address: z.string(),
  phone: z.string(),
  registrationNumber: z.string(),
  receiptFooter: z.string(),
  setupDone: z.boolean(),
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;

/** A new office's profile: nothing filled in, the first-run step not done. */
export const NEW_OFFICE_PROFILE: OfficeProfile = {
  businessName: '',
  address: '',
  phone: '',
  registrationNumber: '',
  receiptFooter: '',
  setupDone: false,
};

export const UpdateOfficeProfileInput = z
  .strictObject({
    businessName: profileText('Business name', 120)
      .refine((v) => v.length > 0, 'Business name is required')
      .optional(),
    address: profileText('Address', 300, { multiline: true }).optional(),
    phone: profileText('Phone', 40).optional(),
    registrationNumber: profileText('Tax or registration number', 60).optional(),
    receiptFooter: profileText('Receipt footer', 300, { multiline: true }).optional(),
    setupDone: z.literal(true).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change' });
export type UpdateOfficeProfile = z.infer<typeof UpdateOfficeProfileInput>;
