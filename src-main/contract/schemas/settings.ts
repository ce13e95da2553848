import { z } from 'zod';
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
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change' });
export type UpdateSettings = z.infer<typeof UpdateSettingsInput>;
