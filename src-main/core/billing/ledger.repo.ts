import {
  and,
  count,
  desc,
  eq,
  exists,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  lt,
  notExists,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerEntry, PaymentMethod } from '../../contract/schemas/billing';
import {
  PAYMENT_KINDS,
  type PaymentFilter,
  type PaymentRow,
} from '../../contract/schemas/payments';
import type { Orm } from '../db/open-database';
import { clients, ledgerEntries, plans, receipts } from '../db/schema';

export type LedgerRecord = typeof ledgerEntries.$inferSelect;
/** The Payments screen's filter, with its office days already turned into [from, to). */
export type PaymentQuery = Omit<PaymentFilter, 'from' | 'to'> & { from: number; to: number };
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

  /**
   * Money across the counter in [from, to): payments, refunds and their voids (voids of
   * adjustments carry no method and are left out). A range of `ledger_created_idx`, or, with a
   * reference, a lookup of `ledger_reference_idx`.
   */
  const paymentWhere = (q: PaymentQuery, cursor?: number) =>
    and(
      gte(ledgerEntries.createdAt, q.from),
      lt(ledgerEntries.createdAt, q.to),
      inArray(ledgerEntries.kind, q.kinds ?? [...PAYMENT_KINDS]),
      isNotNull(ledgerEntries.method),
      q.methods ? inArray(ledgerEntries.method, q.methods) : undefined,
      q.staffId !== undefined ? eq(ledgerEntries.staffId, q.staffId) : undefined,
      q.reference !== undefined
        ? sql`${ledgerEntries.reference} = ${q.reference} COLLATE NOCASE`
        : undefined,
      cursor !== undefined ? lt(ledgerEntries.id, cursor) : undefined,
    );

  return {
    /** Newest first, before the cursor id. */
    paymentsPage: (q: PaymentQuery, cursor: number | undefined, limit: number): PaymentRow[] =>
      orm
        .select({ ...storedEntry, accountNo: clients.accountNo, fullName: clients.fullName })
        .from(ledgerEntries)
        .leftJoin(receipts, eq(receipts.entryId, ledgerEntries.id))
        .innerJoin(clients, eq(clients.id, ledgerEntries.clientId))
        .where(paymentWhere(q, cursor))
        .orderBy(desc(ledgerEntries.id))
        .limit(limit)
        .all()
        .map((r) => ({
          id: r.id,
          kind: r.kind as PaymentRow['kind'],
          amount: r.amount,
          method: r.method ?? 'other',
          reference: r.reference,
          reason: r.reason,
          relatesTo: r.relatesTo,
          receiptNumber: r.receiptNumber,
          voided: r.voided,
          createdAt: r.createdAt,
          staffId: r.staffId,
          staffName: r.staffName,
          client: { id: r.clientId, accountNo: r.accountNo, fullName: r.fullName },
        })),

    /** Count and signed sum per kind of everything the filter matches. */
    paymentTotals: (q: PaymentQuery) =>
      orm
        .select({
          kind: ledgerEntries.kind,
          n: count(),
          total: sql<number>`sum(${ledgerEntries.amount})`.mapWith(Number),
        })
        .from(ledgerEntries)
        .where(paymentWhere(q))
        .groupBy(ledgerEntries.kind)
        .all(),

    /** Who moved money in [from, to), by name. */
    paymentStaff: (from: number, to: number): { id: number; name: string }[] =>
      orm
        .selectDistinct({ id: ledgerEntries.staffId, name: ledgerEntries.staffName })
        .from(ledgerEntries)
        .where(paymentWhere({ from, to }))
        .orderBy(ledgerEntries.staffName)
        .all(),

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
