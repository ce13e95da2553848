import type Database from 'better-sqlite3';
import type { PaymentMethod } from '../../contract/schemas/billing';

export type Bucket = { label: string; from: number; to: number };
export type TotalsRow = {
  label: string;
  staff_id: number;
  kind: 'payment' | 'refund' | 'void';
  method: PaymentMethod;
  n: number;
  total: number;
};

/**
 * Cash movements (payments, refunds, voided payments) summed per time bucket, staff member,
 * kind and method. Buckets are epoch-ms spans computed in the office time zone; each is an
 * index range on `created_at`, so a report reads only the entries it sums.
 */
export const createMoneyTotals = (sqlite: Database.Database) => {
  const totals = sqlite.prepare<[string, number | null, number | null], TotalsRow>(
    `SELECT b.value ->> 0 AS label, e.staff_id, e.kind, e.method, count(*) AS n, sum(e.amount) AS total
     FROM json_each(?) b
     JOIN ledger_entries e ON e.created_at >= (b.value ->> 1) AND e.created_at < (b.value ->> 2)
     WHERE e.kind IN ('payment', 'refund', 'void') AND e.method IS NOT NULL
       AND (? IS NULL OR e.staff_id = ?)
     GROUP BY 1, 2, 3, 4`,
  );
  const charges = sqlite.prepare<
    [number, number],
    { plan_id: number; plan_name: string; n: number; total: number }
  >(
    `SELECT e.plan_id, p.name AS plan_name, count(*) AS n, -sum(e.amount) AS total
     FROM ledger_entries e JOIN plans p ON p.id = e.plan_id
     WHERE e.kind = 'charge' AND e.created_at >= ? AND e.created_at < ?
     GROUP BY e.plan_id ORDER BY total DESC`,
  );
  const staffNames = sqlite.prepare<[], { id: number; display_name: string }>(
    'SELECT id, display_name FROM staff',
  );

  return {
    byBucket: (buckets: Bucket[], staffId?: number): TotalsRow[] =>
      totals.all(
        JSON.stringify(buckets.map((b) => [b.label, b.from, b.to])),
        staffId ?? null,
        staffId ?? null,
      ),
    charges: (from: number, to: number) => charges.all(from, to),
    staffNames: (): Map<number, string> =>
      new Map(staffNames.all().map((s) => [s.id, s.display_name])),
  };
};

export type MoneyTotals = ReturnType<typeof createMoneyTotals>;

/** Positive sums per kind, and the net the drawer should hold. */
export const sums = (rows: TotalsRow[]) => {
  const pick = (kind: TotalsRow['kind']) => {
    const r = rows.filter((x) => x.kind === kind);
    return {
      count: r.reduce((a, x) => a + x.n, 0),
      amount: Math.abs(r.reduce((a, x) => a + x.total, 0)),
    };
  };
  const payments = pick('payment');
  const refunds = pick('refund');
  const voids = pick('void');
  return { payments, refunds, voids, net: payments.amount - refunds.amount - voids.amount };
};
