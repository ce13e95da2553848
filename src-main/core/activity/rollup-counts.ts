import type Database from 'better-sqlite3';
import type { ScopedFilter } from './search-plan';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const PERIOD_MS = 32 * DAY_MS;

type Level = { table: string; key: string; ms: number };
/** Coarsest first; each is a whole number of the next. */
const LEVELS: readonly Level[] = [
  { table: 'activity_period', key: 'period', ms: PERIOD_MS },
  { table: 'activity_daily', key: 'day', ms: DAY_MS },
  { table: 'activity_hourly', key: 'hour', ms: HOUR_MS },
];

export type Dimension = 'type' | 'category' | 'outcome' | 'actor_id';
type Row = { key: string | number; n: number };

/** Filters the rollup tables can answer: dates plus type, category, outcome and staff member. */
export const rollupAnswers = (f: ScopedFilter): boolean =>
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
 * Exact counts over [from, to] from the rollups: whole 32-day periods, then whole days, then whole
 * hours at the edges, and the minutes at the very edges from the log itself (at most two partial
 * hours). Reads a few thousand rollup rows at most, whatever the log's size.
 */
export const createRollupCounts = (
  sqlite: Database.Database,
  idRange: (from: number, to: number) => { from: number; to: number } | null,
) => {
  const conditions = (f: ScopedFilter, actorColumn: string) => {
    const parts = [
      inList('type', f.types),
      inList('category', f.categories),
      inList('category', f.visibleCategories),
      inList('outcome', f.outcomes),
      inList(actorColumn, f.actorIds),
    ];
    return { sql: parts.map((p) => p.sql).join(' '), params: parts.flatMap((p) => p.params) };
  };

  const fromLog = (dim: Dimension, f: ScopedFilter, from: number, to: number): Row[] => {
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
    level: Level,
    f: ScopedFilter,
    dim: Dimension,
    first: number,
    last: number,
  ): Row[] => {
    const c = conditions(f, 'actor_id');
    return sqlite
      .prepare(
        `SELECT ${dim} AS key, sum(n) AS n FROM ${level.table}
         WHERE ${level.key} BETWEEN ? AND ? ${c.sql} GROUP BY 1`,
      )
      .all(first, last, ...c.params) as Row[];
  };

  /** [from, to] as whole buckets of the coarsest level that fits, the edges one level finer. */
  const cover = (dim: Dimension, f: ScopedFilter, from: number, to: number, level = 0): Row[] => {
    if (from > to) return [];
    const l = LEVELS[level];
    if (!l) return fromLog(dim, f, from, to);
    const first = Math.ceil(from / l.ms);
    const last = Math.floor((to + 1) / l.ms) - 1;
    if (first > last) return cover(dim, f, from, to, level + 1);
    return [
      ...cover(dim, f, from, first * l.ms - 1, level + 1),
      ...fromTable(l, f, dim, first, last),
      ...cover(dim, f, (last + 1) * l.ms, to, level + 1),
    ];
  };

  return {
    /** Counts per value of one dimension for the filter, over [from, to] inclusive (epoch ms). */
    countBy(
      dim: Dimension,
      f: ScopedFilter,
      from: number,
      to: number,
    ): Map<string | number, number> {
      const out = new Map<string | number, number>();
      for (const r of cover(dim, f, from, to)) out.set(r.key, (out.get(r.key) ?? 0) + r.n);
      return out;
    },

    /** Counts per bucket and type, from whole-hour or whole-day rollup rows. */
    buckets(
      f: ScopedFilter,
      first: number,
      last: number,
      unit: 'hour' | 'day' | 'period',
    ): { bucket: number; type: string; n: number }[] {
      const c = conditions(f, 'actor_id');
      const table = `activity_${unit === 'hour' ? 'hourly' : unit === 'day' ? 'daily' : 'period'}`;
      return sqlite
        .prepare(
          `SELECT ${unit} AS bucket, type, sum(n) AS n FROM ${table}
           WHERE ${unit} BETWEEN ? AND ? ${c.sql} GROUP BY 1, 2`,
        )
        .all(first, last, ...c.params) as { bucket: number; type: string; n: number }[];
    },

    /** Counts per UTC hour and staff member (entries with no staff member left out). */
    actorHours(
      f: ScopedFilter,
      first: number,
      last: number,
    ): { hour: number; actorId: number; n: number }[] {
      const c = conditions(f, 'actor_id');
      return sqlite
        .prepare(
          `SELECT hour, actor_id AS actorId, sum(n) AS n FROM activity_hourly
           WHERE hour BETWEEN ? AND ? AND actor_id > 0 ${c.sql} GROUP BY 1, 2`,
        )
        .all(first, last, ...c.params) as { hour: number; actorId: number; n: number }[];
    },
  };
};
