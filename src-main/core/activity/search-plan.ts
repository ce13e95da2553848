import type Database from 'better-sqlite3';
import type { ActivityCategory, ActivityFilter } from '../../contract/schemas/activity';
import { tagClause, toFtsText } from './fts-query';
import { createPrefixExpander } from './prefix-expander';
import { ipFilterTokens } from './ip-filter';
import { fieldError } from '../shared/app-error';
import { correlationStart } from '../shared/ids';

/**
 * A filter as the core runs it: what the reader asked for, and the categories their role may read
 * (set by the activity service; never part of the contract, so no caller can widen it). No other
 * filter value, not even "ignore the category filter" of the category facet, lifts it.
 */
export type ScopedFilter = ActivityFilter & { visibleCategories?: readonly ActivityCategory[] };

/**
 * How one filter is answered. Dates become an id range (B-tree lookups: ids follow time), text
 * and filter values meet inside the FTS index as terms (`tags` column), and the few values the
 * index does not carry (client, router, correlation) are conditions on the base table.
 */
export type SearchPlan = {
  match: string | null;
  where: string[];
  params: (string | number)[];
  /** Inclusive id range of the date range; null when it holds no entry. */
  ids: { from: number; to: number } | null;
};

/** How long after an action the entries it caused are looked for (provisioning retries included). */
export const CORRELATION_WINDOW_MS = 7 * 86_400_000;

/** The index term of `system.clock_changed` entries. */
const CLOCK_CHANGED = tagClause(['ev_system_clock_changed']);

/** How far a `system.clock_changed` entry moved the clock forward (0 for back). */
const forwardBy = (details: string | null): number => {
  const d =
    details === null ? null : (JSON.parse(details) as { before?: unknown; after?: unknown });
  return typeof d?.before === 'number' && typeof d.after === 'number'
    ? Math.max(0, d.after - d.before)
    : 0;
};

export const createSearchPlanner = (sqlite: Database.Database) => {
  const clockChangesFrom = sqlite.prepare<[string, number], { details: string | null }>(
    `SELECT l.details FROM activity_fts f JOIN activity_log l ON l.id = f.rowid
     WHERE activity_fts MATCH ? AND f.rowid >= CAST(? AS INTEGER)`,
  );
  const atOrAfterId = sqlite.prepare<[number], { id: number; ts: number }>(
    'SELECT id, ts FROM activity_log WHERE id >= ? ORDER BY id LIMIT 1',
  );
  // Two statements: SQLite's min/max shortcut applies only to a lone min() or max().
  const lowest = sqlite.prepare<[], { id: number }>(
    'SELECT id FROM activity_log ORDER BY id LIMIT 1',
  );
  const highest = sqlite.prepare<[], { id: number }>(
    'SELECT id FROM activity_log ORDER BY id DESC LIMIT 1',
  );

  /**
   * The first id whose ts is ≥ `ts`, by binary search over the primary key: ts never decreases
   * in id order (the chain appender guarantees it), so no index on ts is needed (−17 B/entry).
   * About 25 rowid seeks at 10 M entries; gaps left by retention are skipped.
   */
  const firstIdAtOrAfter = (ts: number, lo: number, hi: number): number | null => {
    let low = lo;
    let high = hi + 1;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      const row = atOrAfterId.get(mid);
      if (!row || row.ts >= ts) high = mid;
      else low = row.id + 1;
    }
    const row = atOrAfterId.get(low);
    return row && row.ts >= ts ? row.id : null;
  };

  /** Ids of the entries in [from, to] (epoch ms, inclusive); null when none. */
  const idRange = (from?: number, to?: number): SearchPlan['ids'] => {
    const lo = lowest.get()?.id;
    const hi = highest.get()?.id;
    if (lo === undefined || hi === undefined) return null;
    const first = from === undefined ? lo : firstIdAtOrAfter(from, lo, hi);
    // The last id at or before `to` is the one just before the first id after it.
    const after = to === undefined ? null : firstIdAtOrAfter(to + 1, lo, hi);
    const last = to === undefined ? hi : after === null ? hi : after - 1;
    if (first === null || first > last) return null;
    return { from: first, to: last };
  };

  /**
   * A correlation id starts with the log's time when its action began (never behind the log's
   * last entry, whatever the clock did), so its entries lie in a short time window after it:
   * searching that window is a bounded scan, where an index over every entry's id would cost
   * ~25 bytes per entry. A clock set forward meanwhile moves later entries on by as much: the
   * window grows by every forward jump logged since (`system.clock_changed`, a handful).
   */
  const correlationWindow = (f: ActivityFilter): { from?: number; to?: number } => {
    if (f.correlationId === undefined) return { from: f.from, to: f.to };
    const start = correlationStart(f.correlationId);
    if (start === null) {
      const message = 'That is not a correlation id of ISP Desk.';
      throw fieldError('validation', { path: ['filter', 'correlationId'], message }, message);
    }
    const first = idRange(start - 1000)?.from;
    const forward =
      first === undefined
        ? 0
        : clockChangesFrom.all(CLOCK_CHANGED, first).reduce((n, r) => n + forwardBy(r.details), 0);
    return {
      from: Math.max(f.from ?? 0, start - 1000),
      to: Math.min(f.to ?? Number.MAX_SAFE_INTEGER, start + CORRELATION_WINDOW_MS + forward),
    };
  };

  const expandPrefix = createPrefixExpander(sqlite);

  /**
   * The FTS expression for the text and tag filters only (no dates). The filters come before the
   * words: FTS5 steps through an AND from its first term, and a filter is usually the rarer side
   * (measured with a common word and a rare category, where nothing matches and both lists are
   * read to the end: about 20 % faster filter first; no difference where matches are many).
   */
  const matchOf = (filter: ScopedFilter): string | null => {
    const clauses: string[] = [];
    const tags = (prefix: string, values: readonly (string | number)[] | undefined) => {
      if (values && values.length > 0) {
        clauses.push(tagClause(values.map((v) => `${prefix}${String(v).replaceAll('.', '_')}`)));
      }
    };
    tags('ty_', filter.types);
    tags('ca_', filter.categories);
    tags('ca_', filter.visibleCategories);
    tags('oc_', filter.outcomes);
    tags('ev_', filter.events);
    tags('ac_', filter.actorIds);
    if (filter.ip) {
      const ipTokens = ipFilterTokens(filter.ip);
      if (ipTokens) clauses.push(tagClause(ipTokens));
    }
    const text = filter.text ? toFtsText(filter.text, expandPrefix) : null;
    if (text) clauses.push(text);
    return clauses.length > 0 ? clauses.join(' AND ') : null;
  };

  const plan = (filter: ScopedFilter): SearchPlan => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const column = (sql: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(sql);
      params.push(value);
    };
    column('l.client_id = ?', filter.clientId);
    column('l.router_id = ?', filter.routerId);
    column('l.correlation_id = ?', filter.correlationId);
    const { from, to } = correlationWindow(filter);
    return { match: matchOf(filter), where, params, ids: idRange(from, to) };
  };

  /**
   * SELECT of matching rows with ids in [from, to], newest first (`order` 'ASC': oldest first),
   * driven by whichever side is narrow: a client, router or correlation id (B-tree, a few
   * thousand entries at most) checks each of its entries against the FTS expression; otherwise
   * the FTS index drives, ordered by its rowid (never by ts, which would make SQLite probe the
   * index row by row). `columns` null: the ids only, from the FTS index alone where it drives.
   *
   * FTS5 uses rowid bounds only when they are INTEGER values, and better-sqlite3 binds every
   * JavaScript number as REAL: without the CASTs, FTS5 reads the whole doclist and SQLite drops
   * the rows outside the range (measured at 10M entries: 80–300 ms instead of 0.1 ms).
   */
  const selectSql = (
    p: SearchPlan,
    columns: string | null,
    order: 'ASC' | 'DESC' = 'DESC',
  ): string => {
    const extra = p.where.map((w) => `AND ${w}`).join(' ');
    const select = columns ?? 'l.id AS id';
    if (p.match && p.where.length > 0) {
      return `SELECT ${select} FROM activity_log l
        WHERE l.id BETWEEN ? AND ? ${extra}
          AND EXISTS (SELECT 1 FROM activity_fts f WHERE activity_fts MATCH ? AND f.rowid = l.id)
        ORDER BY l.id ${order} LIMIT ?`;
    }
    if (p.match) {
      return columns === null
        ? `SELECT rowid AS id FROM activity_fts
           WHERE activity_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
           ORDER BY rowid ${order} LIMIT ?`
        : `SELECT ${columns} FROM activity_fts f JOIN activity_log l ON l.id = f.rowid
           WHERE activity_fts MATCH ?
             AND f.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
           ORDER BY f.rowid ${order} LIMIT ?`;
    }
    return `SELECT ${select} FROM activity_log l
      WHERE l.id BETWEEN ? AND ? ${extra} ORDER BY l.id ${order} LIMIT ?`;
  };

  /** Parameters in the order selectSql's text uses them. */
  const bind = (p: SearchPlan, from: number, to: number, limit: number) =>
    p.match && p.where.length > 0
      ? [from, to, ...p.params, p.match, limit]
      : p.match
        ? [p.match, from, to, limit]
        : [from, to, ...p.params, limit];

  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };

  /** The plan's newest `limit` matches with ids in [its first id, `to`], as rows of `columns`. */
  const rows = <R>(p: SearchPlan, to: number, columns: string, limit: number): R[] =>
    p.ids ? (statement(selectSql(p, columns)).all(...bind(p, p.ids.from, to, limit)) as R[]) : [];

  /**
   * How many matches the plan has in its id range (or in `ids`, a part of it), up to `cap` when
   * given (and whether there are more). Counted oldest first: the order does not change a count,
   * and FTS5 reads a doclist backwards by decoding each page forwards first (measured: a
   * histogram's per-day counts of a common word took about three times as long newest first).
   */
  const count = (
    p: SearchPlan,
    cap?: number,
    ids: { from: number; to: number } | null = p.ids,
  ): { n: number; capped: boolean } => {
    if (!ids) return { n: 0, capped: false };
    const { n } = statement(`SELECT count(*) AS n FROM (${selectSql(p, null, 'ASC')})`).get(
      ...bind(p, ids.from, ids.to, cap === undefined ? -1 : cap + 1),
    ) as { n: number };
    return cap === undefined ? { n, capped: false } : { n: Math.min(n, cap), capped: n > cap };
  };

  /** Rows of `columns` grouped by `groupBy` over the matches in `ids` (facet counts). */
  const groupCounts = <R>(
    p: SearchPlan,
    columns: string,
    groupBy: string,
    ids: { from: number; to: number },
  ): R[] =>
    statement(
      `SELECT ${groupBy}, count(*) AS n FROM (${selectSql(p, columns)}) GROUP BY ${groupBy}`,
    ).all(...bind(p, ids.from, ids.to, -1)) as R[];

  return { plan, idRange, rows, count, groupCounts };
};

export type SearchPlanner = ReturnType<typeof createSearchPlanner>;
