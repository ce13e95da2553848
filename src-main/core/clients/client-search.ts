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
/** Below this many matches a page collects and sorts them (`sparse`, see `choosePlan`). */
const DENSE_AT = 1_000;
/**
 * A `probe` walk tests each client against the text index by itself (about 0.1–1 ms each at a
 * million clients): taken only when the page is expected within this many clients of the walk.
 */
const PROBE_WALK = 200;
/**
 * Collecting a match (its table row, its share of the sort) costs about as much as this many
 * steps of a walk that reads only the index (measured at a million clients).
 */
const COLLECT_COST = 4;
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

/** The texts `clients_fts` indexes, as stored (LIKE ignores ASCII case, as the index does). */
const TEXT_COLUMNS = [
  'c.full_name',
  'c.account_no',
  'c.phone',
  'c.service_login',
  'c.static_ip',
  'c.email',
];

type Where = { from: string; sql: string[]; params: (string | number)[] };
/** `ids`: only these clients (the payment-reference branch, in place of the text search). */
type Filter = ClientFilter & { ids?: number[] };
type Query = { filter?: Filter; sort?: ClientSort; cursor?: string; limit?: number };

/**
 * How a page is read (`choosePlan` picks one; every plan gives the same rows):
 * - `sparse` collects every match through the filter and text indexes and sorts them (few matches);
 * - `walk` walks the sort's index in order and tests each client, a text search against its whole
 *   match set built once (many matches);
 * - `probe` walks the same way but asks the text index about each client it passes (a text search
 *   most clients match: building the match set would cost more than the few hundred questions).
 */
export type PagePlan = 'sparse' | 'walk' | 'probe';
type Mode = 'count' | { plan: PagePlan; sort: ClientSort; ids?: readonly number[] };

/**
 * Matches counted up to a cap, and the highest client id the count reached: the text index hands
 * out matches by id, so for a text search `n / last` is about the share of clients that match.
 */
type Counted = { n: number; last: number | null; ids?: readonly number[]; all?: boolean };

/**
 * The clients repository's list, count and search queries (see clients.repo.ts). Hand-built SQL,
 * not drizzle: FTS5 MATCH on `clients_fts`, and unary-plus index hints the list benchmark
 * (`npm run bench:clients`) depends on. Plan names come from the plans repository.
 *
 * Client list queries: filters and search become one WHERE clause over `clients`, sorted by an
 * indexed column with the id as tie-breaker, paged by keyset (never OFFSET), counted to a cap.
 * `opts.plan` forces one plan (tests compare them).
 */
export const createClientSearch = (sqlite: Database.Database, opts: { plan?: PagePlan } = {}) => {
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
    const dense = typeof mode === 'object' && mode.plan !== 'sparse' ? mode.sort : null;
    if (filter.ids) add(`c.id IN (SELECT value FROM json_each(?))`, JSON.stringify(filter.ids));
    const terms = parseSearch(filter.search);
    // A unary + keeps SQLite from driving the query from that column's index. Counting or
    // collecting the clients whose name starts with a prefix, the name index's range drives: it
    // carries the plan and router, where the plan index would read a table row per client.
    const plus = dense ? '+' : '';
    const plusFilter = dense || terms.kind === 'prefix' ? '+' : '';
    const statuses = filter.statuses ?? [];
    if (statuses.length === 1 && statuses[0]) add('c.status = ?', statuses[0]);
    else if (statuses.length > 1)
      add(`${plus}c.status IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
    else if (filter.expiresWithinDays === undefined) add(`c.status <> 'archived'`);
    if (filter.planId !== undefined) add(`${plusFilter}c.plan_id = ?`, filter.planId);
    if (filter.routerId !== undefined) add(`${plusFilter}c.router_id = ?`, filter.routerId);
    if (filter.expiresWithinDays !== undefined) {
      if (statuses.length === 0) add(`c.status = 'active'`);
      // Sorted by expiry, the range is where the walk starts: keep it usable by the index.
      const col = dense && dense.by !== 'expiresAt' ? '+c.expires_at' : 'c.expires_at';
      add(`${col} >= ? AND ${col} < ?`, now, now + filter.expiresWithinDays * DAY_MS);
    }
    if (terms.kind === 'prefix') {
      // One or two letters: the start of the name, a range of the name index.
      const col = dense && dense.by !== 'name' ? '+c.name_key' : 'c.name_key';
      add(`${col} >= ? AND ${col} < ?`, terms.prefix, prefixEnd(terms.prefix));
    } else if (terms.kind === 'fts') {
      if (mode === 'count') {
        w.from = 'clients_fts CROSS JOIN clients c ON c.id = clients_fts.rowid';
        add('clients_fts MATCH ?', terms.match);
      } else if (mode.ids) {
        // The matches the count collected: the text index is not asked twice.
        add('c.id IN (SELECT value FROM json_each(?))', JSON.stringify(mode.ids));
      } else if (mode.plan === 'probe') {
        // A client holding every word as written matches without asking the text index.
        const holds = `(${TEXT_COLUMNS.map((col) => `${col} LIKE ? ESCAPE '\\'`).join(' OR ')})`;
        add(
          `(${terms.words.map(() => holds).join(' AND ')}
            OR EXISTS (SELECT 1 FROM clients_fts f WHERE clients_fts MATCH ? AND f.rowid = c.id))`,
          ...terms.words.flatMap((w) => TEXT_COLUMNS.map(() => w)),
          terms.match,
        );
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

  const countUpTo = (filter: Filter, now: number, cap: number): Counted => {
    const w = where(filter, now, 'count');
    const sql = `SELECT count(*) AS n, max(id) AS last
      FROM (SELECT c.id AS id FROM ${w.from} ${clause(w)} LIMIT ?)`;
    return prepared(sql).get(...w.params, cap) as Counted;
  };

  const highestId = (): number =>
    (prepared('SELECT max(id) AS id FROM clients').get() as { id: number | null }).id ?? 0;

  /** Matches a walk needs at least to beat collecting them: √(steps of a page · clients). */
  const walkFrom = (limit: number) =>
    Math.max(DENSE_AT, Math.ceil(Math.sqrt((limit + 1) * highestId())));

  /** A text search's matches (all filters applied) in id order, after `after`, up to `cap`. */
  const textMatches = (filter: Filter, now: number, after: number, cap: number) => {
    const w = where(filter, now, 'count');
    // An INTEGER bound (better-sqlite3 binds numbers as REAL): FTS5 then seeks to it.
    w.sql.push('clients_fts.rowid > CAST(? AS INTEGER)');
    w.params.push(after);
    return prepared(
      `SELECT c.id AS id FROM ${w.from} ${clause(w)} ORDER BY clients_fts.rowid LIMIT ?`,
    )
      .pluck()
      .all(...w.params, cap) as number[];
  };

  /**
   * Counts up to `cap`. A text search keeps the matches it counted (they arrive by id from the
   * text index): when that was all of them, the page sorts them without asking the index again.
   */
  const countFor = (filter: Filter, now: number, cap: number): Counted => {
    if (parseSearch(filter.search).kind !== 'fts') return countUpTo(filter, now, cap);
    const ids = textMatches(filter, now, 0, cap);
    const last = ids[ids.length - 1];
    return { n: ids.length, last: last ?? null, ids, all: ids.length < cap };
  };

  const capOf = (filter: Filter) =>
    parseSearch(filter.search).kind === 'none' ? COUNT_CAP : SEARCH_COUNT_CAP;

  const totalOf = (counted: Counted, cap: number): ClientListOutput['total'] => ({
    count: Math.min(counted.n, cap),
    capped: counted.n > cap,
  });

  /**
   * The cheapest plan for a page of `limit`, from the matches counted up to `cap` (a count that
   * reached its cap says "at least"). A walk costs about limit / share-of-clients-matching steps,
   * collecting costs one step per match:
   * - a text search whose matches are most clients is probed client by client along the walk;
   *   one matched by a few in a thousand is collected (`walk` would pass a million clients),
   *   from where its count stopped; walked between the two (see `COLLECT_COST`);
   * - one or two letters sorted by something other than the name test the name from the table
   *   row at every step: walked only when the matches outnumber the steps (√(limit · clients));
   * - anything else walks from `DENSE_AT` matches on (every test is read from the index).
   */
  const choosePlan = (
    filter: Filter,
    now: number,
    sort: ClientSort,
    limit: number,
    counted: Counted,
    cap: number,
  ): PagePlan => {
    if (opts.plan) return opts.plan;
    const capped = counted.n >= cap;
    if (!capped && counted.n < DENSE_AT) return 'sparse';
    const terms = parseSearch(filter.search);
    if (terms.kind === 'fts') {
      if (counted.all) return 'sparse';
      if (!capped || counted.last === null) return counted.n < DENSE_AT ? 'sparse' : 'walk';
      const share = counted.n / counted.last;
      const steps = (limit + 1) / share;
      if (steps <= PROBE_WALK) return 'probe';
      return steps <= COLLECT_COST * share * highestId() ? 'walk' : 'sparse';
    }
    if (terms.kind === 'prefix' && sort.by !== 'name') {
      const enough = walkFrom(limit);
      const n = capped && cap < enough ? countUpTo(filter, now, enough).n : counted.n;
      return n >= enough ? 'walk' : 'sparse';
    }
    return 'walk';
  };

  /** The statement of one page: the sort's order over the filter, from the cursor on. */
  const pageSql = (
    filter: Filter,
    now: number,
    sort: ClientSort,
    cursor: string | undefined,
    plan: PagePlan,
    ids?: readonly number[],
  ): { sql: string; params: (string | number)[] } => {
    const w = where(filter, now, plan === 'sparse' && ids ? { plan, sort, ids } : { plan, sort });
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
    return { sql, params: w.params };
  };

  /**
   * One page in keyset order. A walk over several statuses walks each status's part of the
   * (status, sort) index and merges the pages: one walk of the sort index would pass every
   * client of the other statuses first (all the active ones, sorted by expiry, descending).
   */
  const pageRows = (
    filter: Filter,
    now: number,
    sort: ClientSort,
    cursor: string | undefined,
    limit: number,
    plan: PagePlan,
    ids?: readonly number[],
  ): { rows: Row[]; more: boolean } => {
    const statuses = filter.statuses ?? [];
    const split = plan !== 'sparse' && statuses.length > 1 && sort.by !== 'account';
    const parts = split
      ? statuses.map((s) => pageSql({ ...filter, statuses: [s] }, now, sort, cursor, plan))
      : [pageSql(filter, now, sort, cursor, plan, ids)];
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
    const sql =
      parts.length === 1
        ? (parts[0]?.sql ?? '')
        : `${parts.map((p) => `SELECT * FROM (${p.sql})`).join(' UNION ALL ')}
          ORDER BY sort_key ${dir}, id ${dir} LIMIT ?`;
    const params = parts.flatMap((p) => [...p.params, limit + 1]);
    if (parts.length > 1) params.push(limit + 1);
    const rows = prepared(sql).all(...params) as Row[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  };

  const page = (input: Query, now: number, given?: { counted: Counted; cap: number }) => {
    const filter = input.filter ?? {};
    const sort = input.sort ?? DEFAULT_SORT;
    const limit = input.limit ?? DEFAULT_PAGE;
    const { counted, cap } = given ?? { counted: countFor(filter, now, DENSE_AT), cap: DENSE_AT };
    const plan = choosePlan(filter, now, sort, limit, counted, cap);
    // Collecting a text search: the rest of its matches, from where the count stopped.
    const ids =
      plan !== 'sparse' || !counted.ids
        ? undefined
        : counted.all
          ? counted.ids
          : [...counted.ids, ...textMatches(filter, now, counted.last ?? 0, -1)];
    const { rows, more } = pageRows(filter, now, sort, input.cursor, limit, plan, ids);
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
  const clientsByReference = sqlite.prepare<[string], { client_id: number }>(
    `SELECT DISTINCT client_id FROM ledger_entries
     WHERE reference = ? COLLATE NOCASE AND reference IS NOT NULL LIMIT 100`,
  );
  const referenceQuery = (input: Query): Query | null => {
    const word = input.filter?.search?.trim() ?? '';
    if (word.length < 4 || /\s/.test(word)) return null;
    const ids = clientsByReference.all(word).map((r) => r.client_id);
    if (ids.length === 0) return null;
    return { ...input, filter: { ...input.filter, search: undefined, ids } };
  };

  return {
    /** A page and the capped count; the count also tells which plan the page takes. */
    list: (query: Query, now: number): ClientListOutput => {
      const input = referenceQuery(query) ?? query;
      const filter = input.filter ?? {};
      const cap = capOf(filter);
      const counted = countFor(filter, now, cap + 1);
      return { ...page(input, now, { counted, cap: cap + 1 }), total: totalOf(counted, cap) };
    },

    page: (input: Query, now: number) => page(input, now),

    count: (filter: Filter, now: number): ClientListOutput['total'] => {
      const cap = capOf(filter);
      return totalOf(countUpTo(filter, now, cap + 1), cap);
    },

    /** Ids of every match in pages (for exports), oldest first. */
    *iterateIds(filter: Filter, now: number, pageSize = 1000): Generator<number[]> {
      const sort: ClientSort = { by: 'createdAt', dir: 'asc' };
      const plan = choosePlan(
        filter,
        now,
        sort,
        pageSize,
        countUpTo(filter, now, DENSE_AT),
        DENSE_AT,
      );
      let cursor: string | undefined;
      for (;;) {
        const { rows, more } = pageRows(filter, now, sort, cursor, pageSize, plan);
        if (rows.length > 0) yield rows.map((r) => r.id);
        const last = rows[rows.length - 1];
        if (!more || !last) return;
        cursor = encodeCursor(sort, { key: last.id, id: last.id });
      }
    },
  };
};

export type ClientSearch = ReturnType<typeof createClientSearch>;
