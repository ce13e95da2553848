import type Database from 'better-sqlite3';
import type { ActivityFilter, ActivitySearchOutput } from '../../contract/schemas/activity';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from './activity-row';
import { tagClause, toFtsText } from './fts-query';
import { ipFilterTokens } from './ip-filter';

export const COUNT_CAP = 10_000;
const DEFAULT_LIMIT = 100;

type Plan = {
  /** FTS5 MATCH expression, or null when no text or tag filter applies. */
  match: string | null;
  /** Conditions on the base table that the FTS index does not carry. */
  where: string[];
  params: (string | number)[];
  /** Inclusive id range from the date range; null when the range holds no entry. */
  ids: { from: number; to: number } | null;
};

/**
 * Newest-first search over the activity log, shaped for millions of rows: dates become id ranges
 * (B-tree lookups), text and filter values meet inside the FTS index (ordered by its rowid, never
 * by ts), pages are keysets, and the count stops at a cap.
 */
export const createActivitySearch = (sqlite: Database.Database) => {
  const firstIdFrom = sqlite.prepare<[number], { id: number }>(
    'SELECT id FROM activity_log WHERE ts >= ? ORDER BY ts LIMIT 1',
  );
  const lastIdTo = sqlite.prepare<[number], { id: number }>(
    'SELECT id FROM activity_log WHERE ts <= ? ORDER BY ts DESC LIMIT 1',
  );
  const maxId = sqlite.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM activity_log');

  const idRange = (filter: ActivityFilter): Plan['ids'] => {
    const from = filter.from === undefined ? 1 : firstIdFrom.get(filter.from)?.id;
    const to = filter.to === undefined ? maxId.get()?.id : lastIdTo.get(filter.to)?.id;
    if (from === undefined || to === undefined || to === null || from > to) return null;
    return { from, to };
  };

  const plan = (filter: ActivityFilter): Plan => {
    const clauses: string[] = [];
    const text = filter.text ? toFtsText(filter.text) : null;
    if (text) clauses.push(text);
    const tags = (prefix: string, values: readonly (string | number)[] | undefined) => {
      if (values && values.length > 0) {
        clauses.push(tagClause(values.map((v) => `${prefix}${String(v).replaceAll('.', '_')}`)));
      }
    };
    tags('ty_', filter.types);
    tags('ca_', filter.categories);
    tags('oc_', filter.outcomes);
    tags('ev_', filter.events);
    tags('ac_', filter.actorIds);
    if (filter.ip) {
      const ipTokens = ipFilterTokens(filter.ip);
      if (ipTokens) clauses.push(tagClause(ipTokens));
    }
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.clientId !== undefined) {
      where.push('l.client_id = ?');
      params.push(filter.clientId);
    }
    if (filter.routerId !== undefined) {
      where.push('l.router_id = ?');
      params.push(filter.routerId);
    }
    if (filter.correlationId !== undefined) {
      where.push('l.correlation_id = ?');
      params.push(filter.correlationId);
    }
    return {
      match: clauses.length > 0 ? clauses.join(' AND ') : null,
      where,
      params,
      ids: idRange(filter),
    };
  };

  /** SQL selecting matching ids in [from, to], newest first; `rowid` is the FTS or table id. */
  const selectSql = (p: Plan, columns: string) =>
    p.match
      ? `SELECT ${columns} FROM activity_fts f JOIN activity_log l ON l.id = f.rowid
         WHERE activity_fts MATCH ? AND f.rowid BETWEEN ? AND ?
         ${p.where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY f.rowid DESC LIMIT ?`
      : `SELECT ${columns} FROM activity_log l
         WHERE l.id BETWEEN ? AND ? ${p.where.map((w) => `AND ${w}`).join(' ')}
         ORDER BY l.id DESC LIMIT ?`;

  const bind = (p: Plan, from: number, to: number, limit: number) => [
    ...(p.match ? [p.match] : []),
    from,
    to,
    ...p.params,
    limit,
  ];

  const columns = ACTIVITY_COLUMNS.split(',')
    .map((c) => `l.${c.trim()}`)
    .join(', ');

  return {
    search(
      filter: ActivityFilter,
      page: { cursor?: number; limit?: number } = {},
    ): ActivitySearchOutput {
      const p = plan(filter);
      const limit = page.limit ?? DEFAULT_LIMIT;
      if (!p.ids) return { entries: [], nextCursor: null, total: { count: 0, capped: false } };
      const to = page.cursor === undefined ? p.ids.to : Math.min(p.ids.to, page.cursor - 1);
      const rows = sqlite
        .prepare(selectSql(p, columns))
        .all(...bind(p, p.ids.from, to, limit + 1)) as ActivityRow[];
      const more = rows.length > limit;
      const entries = rows.slice(0, limit).map(toEntry);
      const counted = sqlite
        .prepare(`SELECT count(*) AS n FROM (${selectSql(p, '1')})`)
        .get(...bind(p, p.ids.from, p.ids.to, COUNT_CAP + 1)) as { n: number };
      return {
        entries,
        nextCursor: more ? (entries[entries.length - 1]?.id ?? null) : null,
        total: { count: Math.min(counted.n, COUNT_CAP), capped: counted.n > COUNT_CAP },
      };
    },

    /** Every matching row, newest first, in keyset pages: for exports of any size. */
    *iterate(filter: ActivityFilter, pageSize = 1000): Generator<ActivityRow[]> {
      const p = plan(filter);
      if (!p.ids) return;
      const stmt = sqlite.prepare(selectSql(p, columns));
      let to = p.ids.to;
      for (;;) {
        const rows = stmt.all(...bind(p, p.ids.from, to, pageSize)) as ActivityRow[];
        if (rows.length === 0) return;
        yield rows;
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageSize) return;
        to = last.id - 1;
      }
    },
  };
};

export type ActivitySearch = ReturnType<typeof createActivitySearch>;
