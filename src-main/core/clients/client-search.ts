import type Database from 'better-sqlite3';
import type {
  ClientFilter,
  ClientListItem,
  ClientListOutput,
  ClientSort,
  ClientStatus,
} from '../../contract/schemas/clients';
import { ormOf } from '../db/open-database';
import { createPlansRepo } from '../plans/plans.repo';
import { decodeCursor, encodeCursor, type SortKeyValue } from './client-cursor';
import { createClientsRepo } from './clients.repo';
import { parseSearch, prefixEnd } from './search-terms';

/** Lists count their matches up to this many; searches up to the smaller cap. */
export const COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 1_000;
/** A query matching at least this many clients is "dense" (see `where`). */
const DENSE_AT = 1_000;
export const DEFAULT_PAGE = 50;
export const DEFAULT_SORT: ClientSort = { by: 'name', dir: 'asc' };
const DAY_MS = 86_400_000;

/**
 * The column each sort walks. Each has an index, alone and after `status`, that also carries
 * the filter columns (status, plan, router, expiry), so that a walk tests filters from the index
 * and reads table rows only for the clients it returns.
 */
const SORT_COLUMN: Record<ClientSort['by'], string> = {
  name: 'c.name_key',
  account: 'c.account_no',
  expiresAt: 'c.expires_at',
  balance: 'c.balance',
  createdAt: 'c.id',
};

type Row = {
  id: number;
  account_no: string;
  full_name: string;
  phone: string;
  service_type: 'pppoe' | 'hotspot';
  service_login: string;
  static_ip: string | null;
  plan_id: number;
  router_id: number | null;
  status: ClientStatus;
  expires_at: number;
  balance: number;
  created_at: number;
  sort_key: SortKeyValue;
};

const COLUMNS = `c.id, c.account_no, c.full_name, c.phone, c.service_type, c.service_login,
  c.static_ip, c.plan_id, c.router_id, c.status, c.expires_at, c.balance, c.created_at`;

type Where = { from: string; sql: string[]; params: (string | number)[] };
/** `ids`: only these clients (the payment-reference branch, in place of the text search). */
type Filter = ClientFilter & { ids?: number[] };
type Query = { filter?: Filter; sort?: ClientSort; cursor?: string; limit?: number };
/**
 * How a query will run: `count` counts matches (a search then streams its hits and stops at the
 * cap); `sparse` collects every match through the filter indexes and sorts them (best for few);
 * a sort (dense) walks that sort's index in order and tests each client (best for many).
 */
type Mode = 'count' | 'sparse' | ClientSort;

/**
 * The clients repository's list, count and search queries (see clients.repo.ts). Hand-built SQL,
 * not drizzle: FTS5 MATCH on `clients_fts`, and unary-plus index hints the list benchmark
 * (`npm run bench:clients`) depends on. Plan names come from the plans repository.
 *
 * Client list queries: filters and search become one WHERE clause over `clients`, sorted by an
 * indexed column with the id as tie-breaker, paged by keyset (never OFFSET), counted to a cap.
 */
export const createClientSearch = (sqlite: Database.Database, opts: { denseAt?: number } = {}) => {
  const denseAt = opts.denseAt ?? DENSE_AT;
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const orm = ormOf(sqlite);
  const plans = createPlansRepo(orm, createClientsRepo(orm));

  const where = (filter: Filter, now: number, mode: Mode): Where => {
    const w: Where = { from: 'clients c', sql: [], params: [] };
    const add = (clause: string, ...params: (string | number)[]) => {
      w.sql.push(clause);
      w.params.push(...params);
    };
    const dense = typeof mode === 'object' ? mode : null;
    // A unary + keeps SQLite from driving the query from that column's index.
    const plus = dense ? '+' : '';
    const statuses = filter.statuses ?? [];
    if (statuses.length === 1 && statuses[0]) add('c.status = ?', statuses[0]);
    else if (statuses.length > 1)
      add(`${plus}c.status IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
    else if (filter.expiresWithinDays === undefined) add(`c.status <> 'archived'`);
    if (filter.planId !== undefined) add(`${plus}c.plan_id = ?`, filter.planId);
    if (filter.routerId !== undefined) add(`${plus}c.router_id = ?`, filter.routerId);
    if (filter.expiresWithinDays !== undefined) {
      if (statuses.length === 0) add(`c.status = 'active'`);
      // Sorted by expiry, the range is where the walk starts: keep it usable by the index.
      const col = dense && dense.by !== 'expiresAt' ? '+c.expires_at' : 'c.expires_at';
      add(`${col} >= ? AND ${col} < ?`, now, now + filter.expiresWithinDays * DAY_MS);
    }
    if (filter.ids) add(`c.id IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.ids));
    const terms = parseSearch(filter.search);
    if (terms.kind === 'prefix') {
      // One or two letters: the start of the name, a range of the name index.
      const col = dense && dense.by !== 'name' ? '+c.name_key' : 'c.name_key';
      add(`${col} >= ? AND ${col} < ?`, terms.prefix, prefixEnd(terms.prefix));
    } else if (terms.kind === 'fts') {
      if (mode === 'count') {
        w.from = 'clients_fts CROSS JOIN clients c ON c.id = clients_fts.rowid';
        add('clients_fts MATCH ?', terms.match);
      } else {
        add(
          `${plus}c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)`,
          terms.match,
        );
      }
      for (const like of terms.likes) {
        add(
          `(c.name_key LIKE ? ESCAPE '\\' OR c.login_key LIKE ? ESCAPE '\\'
            OR c.account_no LIKE ? ESCAPE '\\' OR c.phone LIKE ? ESCAPE '\\')`,
          like,
          like,
          like,
          like,
        );
      }
    }
    return w;
  };

  const clause = (w: Where) => (w.sql.length > 0 ? `WHERE ${w.sql.join(' AND ')}` : '');

  const toItem =
    (names: Map<number, string>) =>
    (r: Row): ClientListItem => ({
      id: r.id,
      accountNo: r.account_no,
      fullName: r.full_name,
      phone: r.phone,
      serviceType: r.service_type,
      serviceLogin: r.service_login,
      staticIp: r.static_ip,
      planId: r.plan_id,
      planName: names.get(r.plan_id) ?? '',
      routerId: r.router_id,
      status: r.status,
      expiresAt: r.expires_at,
      balance: r.balance,
      createdAt: r.created_at,
    });

  const countUpTo = (filter: Filter, now: number, cap: number): number => {
    const w = where(filter, now, 'count');
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${w.from} ${clause(w)} LIMIT ?)`;
    return (prepared(sql).get(...w.params, cap) as { n: number }).n;
  };

  const total = (filter: Filter, now: number): ClientListOutput['total'] => {
    const cap = parseSearch(filter.search).kind === 'none' ? COUNT_CAP : SEARCH_COUNT_CAP;
    const n = countUpTo(filter, now, cap + 1);
    return { count: Math.min(n, cap), capped: n > cap };
  };

  /** One page in keyset order; `matches` (counted to at least `denseAt`) picks the plan. */
  const pageRows = (
    filter: Filter,
    now: number,
    sort: ClientSort,
    cursor: string | undefined,
    limit: number,
    matches: number,
  ): { rows: Row[]; more: boolean } => {
    const w = where(filter, now, matches >= denseAt ? sort : 'sparse');
    const col = SORT_COLUMN[sort.by];
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    if (cursor !== undefined) {
      const c = decodeCursor(sort, cursor);
      const op = sort.dir === 'asc' ? '>' : '<';
      if (sort.by === 'createdAt') {
        w.sql.push(`c.id ${op} ?`);
        w.params.push(c.id);
      } else {
        w.sql.push(`(${col}, c.id) ${op} (?, ?)`);
        w.params.push(c.key, c.id);
      }
    }
    const sql = `SELECT ${COLUMNS}, ${col} AS sort_key FROM ${w.from} ${clause(w)}
      ORDER BY ${col} ${dir}${sort.by === 'createdAt' ? '' : `, c.id ${dir}`} LIMIT ?`;
    const rows = prepared(sql).all(...w.params, limit + 1) as Row[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  };

  const page = (input: Query, now: number, matches?: number) => {
    const filter = input.filter ?? {};
    const sort = input.sort ?? DEFAULT_SORT;
    const { rows, more } = pageRows(
      filter,
      now,
      sort,
      input.cursor,
      input.limit ?? DEFAULT_PAGE,
      matches ?? countUpTo(filter, now, denseAt),
    );
    const names = plans.names();
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toItem(names)),
      nextCursor: more && last ? encodeCursor(sort, { key: last.sort_key, id: last.id }) : null,
    };
  };

  /**
   * A search that is exactly a payment's reference (an M-Pesa or bank code, any letter case)
   * finds the client who paid with it: one lookup of the ledger's reference index.
   */
  const referenceQuery = (input: Query): Query | null => {
    const word = input.filter?.search?.trim() ?? '';
    if (word.length < 4 || /\s/.test(word)) return null;
    const ids = clientsByReference.all(word).map((r) => r.client_id);
    if (ids.length === 0) return null;
    return { ...input, filter: { ...input.filter, search: undefined, ids } };
  };
  const clientsByReference = sqlite.prepare<[string], { client_id: number }>(
    `SELECT DISTINCT client_id FROM ledger_entries
     WHERE reference = ? COLLATE NOCASE AND reference IS NOT NULL LIMIT 100`,
  );

  return {
    /** A page and the capped count; the count also tells which plan the page takes. */
    list: (input: Query, now: number): ClientListOutput => {
      const q = referenceQuery(input) ?? input;
      const t = total(q.filter ?? {}, now);
      return { ...page(q, now, t.count + (t.capped ? 1 : 0)), total: t };
    },

    page: (input: Query, now: number) => page(input, now),

    count: total,

    /** Ids of every match in pages (for exports), oldest first. */
    *iterateIds(filter: ClientFilter, now: number, pageSize = 1000): Generator<number[]> {
      const sort: ClientSort = { by: 'createdAt', dir: 'asc' };
      const matches = countUpTo(filter, now, denseAt);
      let cursor: string | undefined;
      for (;;) {
        const { rows, more } = pageRows(filter, now, sort, cursor, pageSize, matches);
        if (rows.length > 0) yield rows.map((r) => r.id);
        const last = rows[rows.length - 1];
        if (!more || !last) return;
        cursor = encodeCursor(sort, { key: last.id, id: last.id });
      }
    },
  };
};

export type ClientSearch = ReturnType<typeof createClientSearch>;
