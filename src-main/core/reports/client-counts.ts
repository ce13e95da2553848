import type Database from 'better-sqlite3';
import type { Dashboard } from '../../contract/schemas/reports';

/**
 * Dashboard counts from index ranges only: per-status counts walk the (status, id) index, and
 * "active but past expiry" / "expiring soon" are ranges of the (status, expires_at) index. A
 * client still marked active whose time has run out counts as expired.
 */
export const createClientCounts = (sqlite: Database.Database) => {
  const byStatus = sqlite.prepare<[], { status: string; n: number }>(
    'SELECT status, count(*) AS n FROM clients GROUP BY status',
  );
  const activeBetween = sqlite.prepare<[number, number], { n: number }>(
    `SELECT count(*) AS n FROM clients
     WHERE status = 'active' AND expires_at >= ? AND expires_at < ?`,
  );
  return {
    count: (now: number, soon: number): Dashboard['counts'] => {
      const m = new Map(byStatus.all().map((r) => [r.status, r.n]));
      const lapsed = activeBetween.get(Number.MIN_SAFE_INTEGER, now + 1)?.n ?? 0;
      return {
        active: (m.get('active') ?? 0) - lapsed,
        expired: (m.get('expired') ?? 0) + lapsed,
        expiringSoon: activeBetween.get(now + 1, soon)?.n ?? 0,
        suspended: m.get('suspended') ?? 0,
        disabled: m.get('disabled') ?? 0,
        archived: m.get('archived') ?? 0,
      };
    },
  };
};
