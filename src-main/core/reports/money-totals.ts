import type { CashTotalsRow } from '../billing/ledger.repo';

/**
 * Positive sums per kind, and the net the drawer should hold: the signed sum of every movement
 * (a voided payment takes money out, a voided refund puts it back).
 */
export const sums = (rows: CashTotalsRow[]) => {
  const pick = (kind: CashTotalsRow['kind']) => {
    const r = rows.filter((x) => x.kind === kind);
    return {
      count: r.reduce((a, x) => a + x.n, 0),
      amount: Math.abs(r.reduce((a, x) => a + x.total, 0)),
    };
  };
  const payments = pick('payment');
  const refunds = pick('refund');
  const voids = pick('void');
  return { payments, refunds, voids, net: rows.reduce((a, x) => a + x.total, 0) };
};
