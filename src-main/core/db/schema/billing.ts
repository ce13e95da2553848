import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients } from './clients';
import { plans } from './plans';
import { staff } from './staff';

/**
 * The money trail, append-only (triggers refuse UPDATE and DELETE). `amount` is signed from the
 * client's side, in integer minor units: a payment adds, a charge or a refund subtracts, an
 * adjustment does either, a void is the exact opposite of the entry it reverses. A client's
 * balance is the sum of their entries (positive: credit; negative: owed).
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    clientId: integer()
      .notNull()
      .references(() => clients.id),
    kind: text({ enum: ['charge', 'payment', 'refund', 'adjustment', 'void'] }).notNull(),
    amount: integer().notNull(),
    /** Payments, refunds and their voids. */
    method: text({ enum: ['cash', 'mobile_money', 'bank', 'other'] }),
    reference: text(),
    /** Required for refunds, adjustments and voids; a note on payments. */
    reason: text(),
    /** Renewal charges: the plan sold and the period it covers. */
    planId: integer().references(() => plans.id),
    periodStart: integer(),
    periodEnd: integer(),
    /** A refund's payment; a void's reversed entry. */
    relatesTo: integer(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    staffName: text().notNull(),
    createdAt: integer().notNull(),
    correlationId: text().notNull(),
  },
  (t) => [
    index('ledger_client_idx').on(t.clientId, t.id),
    index('ledger_created_idx').on(t.createdAt),
    index('ledger_relates_idx')
      .on(t.relatesTo)
      .where(sql`relates_to IS NOT NULL`),
    uniqueIndex('ledger_one_void_uq')
      .on(t.relatesTo)
      .where(sql`kind = 'void'`),
  ],
);

/**
 * One receipt per payment or refund. `number` comes from the `counters` row 'receipt', taken in
 * the same transaction as the entry: a rolled-back transaction gives its number back, so the
 * sequence has no gaps. Client and staff names are copied as they were when it was issued.
 */
export const receipts = sqliteTable('receipts', {
  number: integer().primaryKey(),
  entryId: integer()
    .notNull()
    .unique()
    .references(() => ledgerEntries.id),
  clientId: integer()
    .notNull()
    .references(() => clients.id),
  accountNo: text().notNull(),
  clientName: text().notNull(),
  issuedAt: integer().notNull(),
  currencyCode: text().notNull(),
  minorUnitDigits: integer().notNull(),
  balanceAfter: integer().notNull(),
});

/** Monotonic sequences (receipt numbers, account numbers), advanced inside write transactions. */
export const counters = sqliteTable('counters', {
  name: text().primaryKey(),
  value: integer().notNull(),
});
