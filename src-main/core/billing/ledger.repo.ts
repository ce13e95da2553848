import {
  and,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gte,
  lt,
  notExists,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerEntry, PaymentMethod } from '../../contract/schemas/billing';
import type { Orm } from '../db/open-database';
import { ledgerEntries, plans, receipts } from '../db/schema';

export type LedgerRecord = typeof ledgerEntries.$inferSelect;
export type NewEntry = Omit<typeof ledgerEntries.$inferInsert, 'id'>;

/** A span of epoch ms (computed in the office time zone) that report totals are summed over. */
export type Bucket = { label: string; from: number; to: number };
export type CashTotalsRow = {
  label: string;
  staffId: number;
  kind: 'payment' | 'refund' | 'void';
  method: PaymentMethod;
  n: number;
  total: number;
};

const voids = alias(ledgerEntries, 'v');
const refunds = alias(ledgerEntries, 'f');
const refundVoids = alias(ledgerEntries, 'fv');
// Kinds as SQL literals, not parameters, so that the partial index `ledger_one_void_uq` applies.
const VOID = sql<'void'>`'void'`;
const REFUND = sql<'refund'>`'refund'`;

/** The append-only ledger: inserts and reads, never updates (triggers refuse them anyway). */
export const createLedgerRepo = (orm: Orm) => {
  /** An entry as the contract shows it: its receipt, whether a void reversed it, what was refunded. */
  const storedEntry = {
    ...getTableColumns(ledgerEntries),
    receiptNumber: receipts.number,
    voided: exists(
      orm
        .select({ id: voids.id })
        .from(voids)
        .where(and(eq(voids.relatesTo, ledgerEntries.id), eq(voids.kind, VOID))),
    ).mapWith(Boolean),
    // A scalar subquery as a column: drizzle's builder makes the subquery, not the coalesce.
    // A voided refund gave the money back to the payment: it no longer counts.
    refunded: sql<number>`coalesce(${orm
      .select({ sum: sql`-sum(${refunds.amount})` })
      .from(refunds)
      .where(
        and(
          eq(refunds.relatesTo, ledgerEntries.id),
          eq(refunds.kind, REFUND),
          notExists(
            orm
              .select({ id: refundVoids.id })
              .from(refundVoids)
              .where(and(eq(refundVoids.relatesTo, refunds.id), eq(refundVoids.kind, VOID))),
          ),
        ),
      )}, 0)`.mapWith(Number),
  };
  const stored = () =>
    orm
      .select(storedEntry)
      .from(ledgerEntries)
      .leftJoin(receipts, eq(receipts.entryId, ledgerEntries.id));

  return {
    /** The new entry as stored: nothing refers to it yet (no receipt, void or refund). */
    insert: (e: NewEntry): LedgerEntry => ({
      ...orm.insert(ledgerEntries).values(e).returning().get(),
      receiptNumber: null,
      voided: false,
      refunded: 0,
    }),

    byId: (id: number): LedgerEntry | undefined => stored().where(eq(ledgerEntries.id, id)).get(),

    /** Newest first, before the cursor id. */
    page: (clientId: number, cursor: number | undefined, limit: number): LedgerEntry[] =>
      stored()
        .where(
          and(
            eq(ledgerEntries.clientId, clientId),
            lt(ledgerEntries.id, cursor ?? Number.MAX_SAFE_INTEGER),
          ),
        )
        .orderBy(desc(ledgerEntries.id))
        .limit(limit)
        .all(),

    /** The renewal charge written with this payment (same action, same client), if any. */
    chargeWith: (
      payment: Pick<LedgerEntry, 'clientId' | 'correlationId'>,
    ): LedgerEntry | undefined =>
      stored()
        .where(
          and(
            eq(ledgerEntries.clientId, payment.clientId),
            eq(ledgerEntries.correlationId, payment.correlationId),
            eq(ledgerEntries.kind, 'charge'),
          ),
        )
        .orderBy(ledgerEntries.id)
        .get(),

    /** Whether any money has been recorded at all. */
    hasEntries: (): boolean =>
      orm.select({ id: ledgerEntries.id }).from(ledgerEntries).limit(1).get() !== undefined,

    /** Whether any entry (a renewal's charge) names the plan. */
    refersToPlan: (planId: number): boolean =>
      orm
        .select({ id: ledgerEntries.id })
        .from(ledgerEntries)
        .where(eq(ledgerEntries.planId, planId))
        .limit(1)
        .get() !== undefined,

    /**
     * Cash movements (payments, refunds, voided payments) summed per bucket, staff member, kind
     * and method; each bucket is an index range on `created_at`.
     */
    cashTotals: (buckets: Bucket[], staffId?: number): CashTotalsRow[] =>
      // json_each (a table-valued function) has no drizzle form: one statement for all buckets.
      orm.all<CashTotalsRow>(sql`
        SELECT b.value ->> 0 AS label, e.staff_id AS staffId, e.kind, e.method,
          count(*) AS n, sum(e.amount) AS total
        FROM json_each(${JSON.stringify(buckets.map((b) => [b.label, b.from, b.to]))}) b
        JOIN ledger_entries e ON e.created_at >= (b.value ->> 1) AND e.created_at < (b.value ->> 2)
        WHERE e.kind IN ('payment', 'refund', 'void') AND e.method IS NOT NULL
          AND (${staffId ?? null} IS NULL OR e.staff_id = ${staffId ?? null})
        GROUP BY 1, 2, 3, 4`),

    /** Renewal charges in [from, to) per plan, largest total first (positive minor units). */
    chargesByPlan: (from: number, to: number) => {
      const total = sql<number>`-sum(${ledgerEntries.amount})`.mapWith(Number);
      return orm
        .select({ planId: plans.id, planName: plans.name, n: count(), total })
        .from(ledgerEntries)
        .innerJoin(plans, eq(plans.id, ledgerEntries.planId))
        .where(
          and(
            eq(ledgerEntries.kind, 'charge'),
            gte(ledgerEntries.createdAt, from),
            lt(ledgerEntries.createdAt, to),
          ),
        )
        .groupBy(ledgerEntries.planId)
        .orderBy(desc(total))
        .all();
    },
  };
};

export type LedgerRepo = ReturnType<typeof createLedgerRepo>;
