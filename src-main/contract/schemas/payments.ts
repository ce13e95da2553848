import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { DaySchema } from './money';
import { PaymentMethodSchema } from './billing';
import { CurrencySchema, Sum } from './reports';

/** Most days one Payments query may span (a year and a bit: the yearly books). */
export const MAX_PAYMENT_DAYS = 400;

export const PAYMENT_KINDS = ['payment', 'refund', 'void'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * Money that crossed the counter: payments, refunds and voids of them, between two office days
 * (inclusive, in the office time zone). A reference is matched whole, in any letter case.
 */
export const PaymentFilterSchema = z
  .strictObject({
    from: DaySchema,
    to: DaySchema,
    kinds: z.array(z.enum(PAYMENT_KINDS)).min(1).max(PAYMENT_KINDS.length).optional(),
    methods: z.array(PaymentMethodSchema).min(1).max(4).optional(),
    staffId: IdSchema.optional(),
    reference: plainText(
      z.string().trim().min(1).max(64, 'Reference must be at most 64 characters'),
      'Reference',
    ).optional(),
  })
  .refine((v) => v.from <= v.to, { error: '"From" must not be after "to"', path: ['to'] });
export type PaymentFilter = z.infer<typeof PaymentFilterSchema>;

export const PaymentListInput = z.strictObject({
  filter: PaymentFilterSchema,
  /** Keyset cursor: the id of the last entry already shown (newest first). */
  cursor: IdSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

export const PaymentRowSchema = z.object({
  id: IdSchema,
  kind: z.enum(PAYMENT_KINDS),
  /** Signed, from the client's side: a payment adds, a refund or a voided payment takes away. */
  amount: z.number().int(),
  method: PaymentMethodSchema,
  reference: z.string().nullable(),
  /** A refund's or void's reason; a payment's note. */
  reason: z.string().nullable(),
  /** The payment a refund is of, the entry a void reverses. */
  relatesTo: IdSchema.nullable(),
  receiptNumber: z.number().int().nullable(),
  voided: z.boolean(),
  createdAt: EpochMsSchema,
  staffId: IdSchema,
  staffName: z.string(),
  client: z.object({ id: IdSchema, accountNo: z.string(), fullName: z.string() }),
});
export type PaymentRow = z.infer<typeof PaymentRowSchema>;

export const PaymentTotalsSchema = z.object({
  payments: Sum,
  refunds: Sum,
  voids: Sum,
  /** What the filtered movements add up to (signed). */
  net: z.number().int(),
});

export const PaymentListSchema = z.object({
  items: z.array(PaymentRowSchema),
  nextCursor: IdSchema.nullable(),
  /** Of everything the filter matches, not only this page. */
  totals: PaymentTotalsSchema,
  timeZone: z.string(),
  from: EpochMsSchema,
  to: EpochMsSchema,
  currency: CurrencySchema,
  /** Who took money in the range (for the staff filter; cashiers may not list staff). */
  staff: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type PaymentList = z.infer<typeof PaymentListSchema>;

export const PaymentExportInput = z.strictObject({ filter: PaymentFilterSchema });
