import { z } from 'zod';
import { plainText } from './common';

/** Largest amount accepted anywhere, in minor units: far beyond any ISP bill, far below 2^53. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** A positive amount in integer minor units of the configured currency (never a float). */
export const AmountSchema = z
  .number({ error: 'Amount must be a number of minor units' })
  .int('Amount must be a whole number of minor units (no fractions)')
  .positive('Amount must be greater than zero')
  .max(MAX_AMOUNT, 'Amount is too large');

/** A calendar day in the office time zone, `yyyy-MM-dd`. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Day must be written yyyy-MM-dd')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (y === undefined || m === undefined || d === undefined) return false;
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'No such day');

export const ReasonSchema = plainText(
  z
    .string({ error: 'A reason is required' })
    .trim()
    .min(3, 'A reason is required (at least 3 characters)')
    .max(500, 'Reason must be at most 500 characters'),
  'Reason',
  { multiline: true },
);
