import type { Alert, AlertRule, AlertSeverity, AlertStatus } from '../../contract/schemas/alerts';
import type { ActivityFilter } from '../../contract/schemas/activity';
import type { Sqlite } from '../db/open-database';

/** An alert keeps the ids of at most this many of its entries (its count goes on). */
export const MAX_ALERT_ENTRY_IDS = 100;

type Row = {
  id: number;
  rule: AlertRule;
  severity: AlertSeverity;
  group_key: string;
  title: string;
  status: AlertStatus;
  first_at: number;
  last_at: number;
  count: number;
  entry_ids: string;
  pivot: string;
  note: string | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  resolved_by: string | null;
  resolved_at: number | null;
};

const toAlert = (r: Row): Alert => ({
  id: r.id,
  rule: r.rule,
  severity: r.severity,
  title: r.title,
  status: r.status,
  firstAt: r.first_at,
  lastAt: r.last_at,
  count: r.count,
  entryIds: JSON.parse(r.entry_ids) as number[],
  pivot: JSON.parse(r.pivot) as ActivityFilter,
  note: r.note,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: r.acknowledged_at,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
});

export type NewAlert = {
  rule: AlertRule;
  severity: AlertSeverity;
  groupKey: string;
  title: string;
  at: number;
  entryIds: number[];
  pivot: ActivityFilter;
};

/** The alert with more entries of its finding: count, last time, ids and the pivot's time range. */
export const repeated = (a: Alert, at: number, entryIds: readonly number[]): Alert => ({
  ...a,
  lastAt: Math.max(a.lastAt, at),
  count: a.count + entryIds.length,
  entryIds: [...a.entryIds, ...entryIds].slice(0, MAX_ALERT_ENTRY_IDS),
  pivot: { ...a.pivot, to: Math.max(a.pivot.to ?? at, at) },
});

/** Repository of the `alerts` table: all SQL on it lives here (prepared once). */
export const createAlertsRepo = (sqlite: Sqlite) => {
  const unresolved = sqlite.prepare<[string, string], Row>(
    `SELECT * FROM alerts WHERE rule = ? AND group_key = ? AND status != 'resolved'
     ORDER BY id DESC LIMIT 1`,
  );
  const insert = sqlite.prepare<
    [string, string, string, string, number, number, number, string, string]
  >(
    `INSERT INTO alerts (rule, severity, group_key, title, status, first_at, last_at, count, entry_ids, pivot)
     VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
  );
  const saveRepeats = sqlite.prepare<[number, number, string, string, number]>(
    'UPDATE alerts SET last_at = ?, count = ?, entry_ids = ?, pivot = ? WHERE id = ?',
  );
  const byId = sqlite.prepare<[number], Row>('SELECT * FROM alerts WHERE id = ?');
  const acknowledge = sqlite.prepare<[string, string, number, number]>(
    `UPDATE alerts SET status = 'acknowledged', note = ?, acknowledged_by = ?, acknowledged_at = ?
     WHERE id = ?`,
  );
  const resolve = sqlite.prepare<[string | null, string, number, number]>(
    `UPDATE alerts SET status = 'resolved', note = coalesce(?, note), resolved_by = ?, resolved_at = ?
     WHERE id = ?`,
  );
  const openCount = sqlite
    .prepare<[], number>("SELECT count(*) FROM alerts WHERE status = 'open'")
    .pluck();

  return {
    /** The alert that repeats of (rule, key) group into: the newest not resolved. */
    unresolved: (rule: AlertRule, key: string): Alert | undefined => {
      const r = unresolved.get(rule, key);
      return r ? toAlert(r) : undefined;
    },
    insert: (a: NewAlert): number =>
      Number(
        insert.run(
          a.rule,
          a.severity,
          a.groupKey,
          a.title,
          a.at,
          a.at,
          a.entryIds.length,
          JSON.stringify(a.entryIds.slice(0, MAX_ALERT_ENTRY_IDS)),
          JSON.stringify(a.pivot),
        ).lastInsertRowid,
      ),
    /** Writes what `repeated` changed: count, last time, ids and the pivot's time range. */
    saveRepeats: (a: Alert): void => {
      saveRepeats.run(a.lastAt, a.count, JSON.stringify(a.entryIds), JSON.stringify(a.pivot), a.id);
    },
    get: (id: number): Alert | undefined => {
      const r = byId.get(id);
      return r ? toAlert(r) : undefined;
    },
    list: (statuses: readonly AlertStatus[], limit: number): Alert[] =>
      sqlite
        .prepare<unknown[], Row>(
          `SELECT * FROM alerts WHERE status IN (${statuses.map(() => '?').join(', ')})
           ORDER BY last_at DESC, id DESC LIMIT ?`,
        )
        .all(...statuses, limit)
        .map(toAlert),
    acknowledge: (id: number, note: string, by: string, at: number): void => {
      acknowledge.run(note, by, at, id);
    },
    resolve: (id: number, note: string | null, by: string, at: number): void => {
      resolve.run(note, by, at, id);
    },
    openCount: (): number => openCount.get() ?? 0,
  };
};

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;
