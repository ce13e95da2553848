import type Database from 'better-sqlite3';
import type { ActivityFilter } from '../../contract/schemas/activity';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type Dimension = 'type' | 'category' | 'outcome' | 'actor_id';
type Row = { key: string | number; n: number };

/** Filters the rollup tables can answer: dates plus type, category, outcome and staff member. */
export const rollupAnswers = (f: ActivityFilter): boolean =>
  !f.text?.trim() &&
  !f.ip &&
  !(f.events && f.events.length > 0) &&
  f.clientId === undefined &&
  f.routerId === undefined &&
  f.correlationId === undefined;

const inList = (column: string, values: readonly (string | number)[] | undefined) =>
  values && values.length > 0
    ? { sql: `AND ${column} IN (${values.map(() => '?').join(',')})`, params: [...values] }
    : { sql: '', params: [] };

/**
 * Exact counts over [from, to] from the rollups: whole days from activity_daily, whole hours at
 * the edges from activity_hourly, and the minutes at the very edges from the log itself (at most
 * two partial hours). Never scans more than a few thousand rows, whatever the log's size.
 */
export const createRollupCounts = (
  sqlite: Database.Database,
  idRange: (from: number, to: number) => { from: number; to: number } | null,
) => {
  const conditions = (f: ActivityFilter, actorColumn: string) => {
    const parts = [
      inList('type', f.types),
      inList('category', f.categories),
      inList('outcome', f.outcomes),
      inList(actorColumn, f.actorIds),
    ];
    return { sql: parts.map((p) => p.sql).join(' '), params: parts.flatMap((p) => p.params) };
  };

  const fromLog = (dim: Dimension, f: ActivityFilter, from: number, to: number): Row[] => {
    const ids = from > to ? null : idRange(from, to);
    if (!ids) return [];
    const c = conditions(f, 'actor_id');
    const key = dim === 'actor_id' ? 'coalesce(actor_id, 0)' : dim;
    return sqlite
      .prepare(
        `SELECT ${key} AS key, count(*) AS n FROM activity_log
         WHERE id BETWEEN ? AND ? ${c.sql} GROUP BY 1`,
      )
      .all(ids.from, ids.to, ...c.params) as Row[];
  };

  const fromTable = (
    table: 'activity_hourly' | 'activity_daily',
    dim: Dimension,
    f: ActivityFilter,
    first: number,
    last: number,
  ): Row[] => {
    if (first > last) return [];
    const bucket = table === 'activity_hourly' ? 'hour' : 'day';
    const c = conditions(f, 'actor_id');
    return sqlite
      .prepare(
        `SELECT ${dim} AS key, sum(n) AS n FROM ${table}
         WHERE ${bucket} BETWEEN ? AND ? ${c.sql} GROUP BY 1`,
      )
      .all(first, last, ...c.params) as Row[];
  };

  return {
    /** Counts per value of one dimension for the filter, over [from, to] inclusive (epoch ms). */
    countBy(
      dim: Dimension,
      f: ActivityFilter,
      from: number,
      to: number,
    ): Map<string | number, number> {
      const rows: Row[] = [];
      const h0 = Math.ceil(from / HOUR_MS); // first whole hour
      const h1 = Math.floor((to + 1) / HOUR_MS) - 1; // last whole hour
      if (h0 > h1) {
        rows.push(...fromLog(dim, f, from, to));
      } else {
        rows.push(...fromLog(dim, f, from, h0 * HOUR_MS - 1));
        rows.push(...fromLog(dim, f, (h1 + 1) * HOUR_MS, to));
        const d0 = Math.ceil((h0 * HOUR_MS) / DAY_MS);
        const d1 = Math.floor(((h1 + 1) * HOUR_MS) / DAY_MS) - 1;
        if (d0 > d1) {
          rows.push(...fromTable('activity_hourly', dim, f, h0, h1));
        } else {
          rows.push(...fromTable('activity_hourly', dim, f, h0, (d0 * DAY_MS) / HOUR_MS - 1));
          rows.push(...fromTable('activity_hourly', dim, f, ((d1 + 1) * DAY_MS) / HOUR_MS, h1));
          rows.push(...fromTable('activity_daily', dim, f, d0, d1));
        }
      }
      const out = new Map<string | number, number>();
      for (const r of rows) out.set(r.key, (out.get(r.key) ?? 0) + r.n);
      return out;
    },

    /** Counts per bucket and type, from whole-hour or whole-day rollup rows. */
    buckets(
      f: ActivityFilter,
      first: number,
      last: number,
      unit: 'hour' | 'day',
    ): { bucket: number; type: string; n: number }[] {
      const c = conditions(f, 'actor_id');
      const table = unit === 'hour' ? 'activity_hourly' : 'activity_daily';
      return sqlite
        .prepare(
          `SELECT ${unit} AS bucket, type, sum(n) AS n FROM ${table}
           WHERE ${unit} BETWEEN ? AND ? ${c.sql} GROUP BY 1, 2`,
        )
        .all(first, last, ...c.params) as { bucket: number; type: string; n: number }[];
    },
  };
};
