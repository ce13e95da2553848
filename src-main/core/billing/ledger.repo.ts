import type Database from 'better-sqlite3';
import type { LedgerEntry, LedgerKind, PaymentMethod } from '../../contract/schemas/billing';

type EntryRow = {
  id: number;
  client_id: number;
  kind: LedgerKind;
  amount: number;
  method: PaymentMethod | null;
  reference: string | null;
  reason: string | null;
  plan_id: number | null;
  period_start: number | null;
  period_end: number | null;
  relates_to: number | null;
  staff_id: number;
  staff_name: string;
  created_at: number;
  correlation_id: string;
  receipt_number: number | null;
  voided: number;
  refunded: number;
};

export type NewEntry = {
  clientId: number;
  kind: LedgerKind;
  amount: number;
  method?: PaymentMethod | null;
  reference?: string | null;
  reason?: string | null;
  planId?: number | null;
  periodStart?: number | null;
  periodEnd?: number | null;
  relatesTo?: number | null;
  staffId: number;
  staffName: string;
  createdAt: number;
  correlationId: string;
};

const SELECT = `SELECT e.*, r.number AS receipt_number,
    EXISTS (SELECT 1 FROM ledger_entries v WHERE v.relates_to = e.id AND v.kind = 'void') AS voided,
    coalesce((SELECT -sum(f.amount) FROM ledger_entries f
              WHERE f.relates_to = e.id AND f.kind = 'refund'), 0) AS refunded
  FROM ledger_entries e LEFT JOIN receipts r ON r.entry_id = e.id`;

const toEntry = (r: EntryRow): LedgerEntry => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  amount: r.amount,
  method: r.method,
  reference: r.reference,
  reason: r.reason,
  planId: r.plan_id,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  relatesTo: r.relates_to,
  receiptNumber: r.receipt_number,
  staffId: r.staff_id,
  staffName: r.staff_name,
  createdAt: r.created_at,
  voided: r.voided === 1,
  refunded: r.refunded,
  correlationId: r.correlation_id,
});

export type StoredEntry = LedgerEntry;

/** The append-only ledger: inserts and reads, never updates (triggers refuse them anyway). */
export const createLedgerRepo = (sqlite: Database.Database) => {
  const insert = sqlite.prepare<NewEntry & Record<string, unknown>, { id: number }>(
    `INSERT INTO ledger_entries (client_id, kind, amount, method, reference, reason, plan_id,
       period_start, period_end, relates_to, staff_id, staff_name, created_at, correlation_id)
     VALUES (@clientId, @kind, @amount, @method, @reference, @reason, @planId, @periodStart,
       @periodEnd, @relatesTo, @staffId, @staffName, @createdAt, @correlationId)
     RETURNING id`,
  );
  const byId = sqlite.prepare<[number], EntryRow>(`${SELECT} WHERE e.id = ?`);
  const page = sqlite.prepare<[number, number, number], EntryRow>(
    `${SELECT} WHERE e.client_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?`,
  );
  const byCorrelation = sqlite.prepare<[string, string], EntryRow>(
    `${SELECT} WHERE e.correlation_id = ? AND e.kind = ? ORDER BY e.id`,
  );
  const sum = sqlite.prepare<[number], { total: number }>(
    'SELECT coalesce(sum(amount), 0) AS total FROM ledger_entries WHERE client_id = ?',
  );

  return {
    insert: (e: NewEntry): number =>
      insert.get({
        method: null,
        reference: null,
        reason: null,
        planId: null,
        periodStart: null,
        periodEnd: null,
        relatesTo: null,
        ...e,
      })?.id ?? 0,

    byId: (id: number): StoredEntry | undefined => {
      const r = byId.get(id);
      return r ? toEntry(r) : undefined;
    },

    /** Newest first, before the cursor id. */
    page: (clientId: number, cursor: number | undefined, limit: number): StoredEntry[] =>
      page.all(clientId, cursor ?? Number.MAX_SAFE_INTEGER, limit).map(toEntry),

    byCorrelation: (correlationId: string, kind: LedgerKind): StoredEntry[] =>
      byCorrelation.all(correlationId, kind).map(toEntry),

    /** SUM(amount): what the cached balance must always equal. */
    sum: (clientId: number): number => sum.get(clientId)?.total ?? 0,
  };
};

export type LedgerRepo = ReturnType<typeof createLedgerRepo>;
