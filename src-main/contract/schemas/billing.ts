import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { AmountSchema, MAX_AMOUNT, ReasonSchema } from './money';
import { ClientSchema } from './clients';

export const PAYMENT_METHODS = ['cash', 'mobile_money', 'bank', 'other'] as const;
export const LEDGER_KINDS = ['charge', 'payment', 'refund', 'adjustment', 'void'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LedgerEntrySchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  kind: z.enum(LEDGER_KINDS),
  /** Signed, from the client's side: payments add, charges and refunds subtract. */
  amount: z.number().int(),
  method: PaymentMethodSchema.nullable(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  planId: IdSchema.nullable(),
  periodStart: EpochMsSchema.nullable(),
  periodEnd: EpochMsSchema.nullable(),
  /** A refund's payment, a void's reversed entry. */
  relatesTo: IdSchema.nullable(),
  receiptNumber: z.number().int().nullable(),
  staffId: IdSchema,
  staffName: z.string(),
  createdAt: EpochMsSchema,
  /** Shared with the activity-log entries of the same action. */
  correlationId: z.string(),
  /** Payments and charges: whether a void reversed it. */
  voided: z.boolean(),
  /** Payments: how much of it has been refunded so far (positive minor units). */
  refunded: z.number().int(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const LedgerInput = z.strictObject({
  clientId: IdSchema,
  /** Keyset cursor: the id of the last entry already shown (newest first). */
  cursor: IdSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

export const LedgerOutputSchema = z.object({
  entries: z.array(LedgerEntrySchema),
  nextCursor: IdSchema.nullable(),
  balance: z.number().int(),
});

const ReferenceSchema = plainText(
  z.string().trim().max(64, 'Reference must be at most 64 characters'),
  'Reference',
);

export const PayInput = z.strictObject({
  clientId: IdSchema,
  amount: AmountSchema,
  method: PaymentMethodSchema,
  reference: ReferenceSchema.optional(),
  note: plainText(z.string().trim().max(500, 'Note must be at most 500 characters'), 'Note', {
    multiline: true,
  }).optional(),
  /**
   * Also renew one period of the client's plan (charge + extend). Defaults to true when the
   * client is expired, so that paying reactivates them; false otherwise.
   */
  renew: z.boolean().optional(),
});

export const RefundInput = z.strictObject({
  paymentId: IdSchema,
  amount: AmountSchema,
  reason: ReasonSchema,
  /** How the money goes back; defaults to the payment's method. */
  method: PaymentMethodSchema.optional(),
});

export const AdjustInput = z.strictObject({
  clientId: IdSchema,
  /** Positive credits the client, negative debits them; never zero. */
  amount: z
    .number({ error: 'Amount must be a number of minor units' })
    .int('Amount must be a whole number of minor units (no fractions)')
    .min(-MAX_AMOUNT, 'Amount is too large')
    .max(MAX_AMOUNT, 'Amount is too large')
    .refine((n) => n !== 0, 'Amount must not be zero'),
  reason: ReasonSchema,
});

export const RenewInput = z.strictObject({
  clientId: IdSchema,
  periods: z.number().int().min(1).max(24).optional(),
});

export const VoidInput = z.strictObject({ entryId: IdSchema, reason: ReasonSchema });

/** A calendar day, `yyyy-MM-dd`, between 2000 and 2099. */
export const OfficeDaySchema = z
  .string({ error: 'Date must be text' })
  .regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Date must look like 2025-01-31')
  .refine((d) => {
    const [y = 0, m = 0, day = 0] = d.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, day)).getUTCDate() === day;
  }, 'No such date');

/**
 * An administrator's correction of a client's service end: service runs to the end of
 * `expiresOn` in the office's time zone. No money moves. A later date reactivates an expired
 * client; an earlier one leaves an active client to expiry processing (after the plan's grace).
 */
export const CorrectExpiryInput = z.strictObject({
  clientId: IdSchema,
  expiresOn: OfficeDaySchema,
  reason: ReasonSchema,
});
export type CorrectExpiry = z.infer<typeof CorrectExpiryInput>;

export const RenewalSchema = z.object({
  planId: IdSchema,
  planName: z.string(),
  periods: z.number().int(),
  charged: z.number().int(),
  periodStart: EpochMsSchema,
  periodEnd: EpochMsSchema,
  reactivated: z.boolean(),
});
export type Renewal = z.infer<typeof RenewalSchema>;

export const ReceiptSchema = z.object({
  number: z.number().int(),
  /** Printed form, e.g. R-000042. */
  code: z.string(),
  kind: z.enum(['payment', 'refund']),
  issuedAt: EpochMsSchema,
  /** Positive minor units received (payment) or paid back (refund). */
  amount: z.number().int(),
  method: PaymentMethodSchema,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  client: z.object({ id: IdSchema, accountNo: z.string(), fullName: z.string() }),
  staffName: z.string(),
  currency: z.object({ code: z.string(), minorUnitDigits: z.number().int() }),
  balanceAfter: z.number().int(),
  entryId: IdSchema,
  voided: z.boolean(),
  renewal: z
    .object({ planName: z.string(), periodStart: EpochMsSchema, periodEnd: EpochMsSchema })
    .nullable(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ReceiptInput = z.strictObject({ number: z.number().int().positive() });

export const MoneyResultSchema = z.object({
  entry: LedgerEntrySchema,
  receipt: ReceiptSchema.nullable(),
  client: ClientSchema,
  renewal: RenewalSchema.nullable(),
});
export type MoneyResult = z.infer<typeof MoneyResultSchema>;
