import type Database from 'better-sqlite3';
import type {
  ClientFilter,
  ClientListItem,
  ClientListOutput,
  ClientSort,
  ClientStatus,
} from '../../contract/schemas/clients';
import { decodeCursor, encodeCursor, type SortKeyValue } from './client-cursor';
import { parseSearch, prefixEnd } from './search-terms';

export const COUNT_CAP = 10_000;
export const DEFAULT_PAGE = 50;
export const DEFAULT_SORT: ClientSort = { by: 'name', dir: 'asc' };
const DAY_MS = 86_400_000;

/** The column each sort walks; every one has an index of its own and one after `status`. */
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

type Where = { sql: string[]; params: (string | number)[] };

/**
 * Client list queries: filters and search become one WHERE clause over `clients`, sorted by an
 * indexed column with the id as tie-breaker, paged by keyset (never OFFSET), counted to a cap.
 */
export const createClientSearch = (sqlite: Database.Database) => {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const planNames = sqlite.prepare<[], { id: number; name: string }>('SELECT id, name FROM plans');

  const where = (filter: ClientFilter, now: number): Where => {
    const w: Where = { sql: [], params: [] };
    const add = (clause: string, ...params: (string | number)[]) => {
      w.sql.push(clause);
      w.params.push(...params);
    };
    const statuses = filter.statuses ?? [];
    if (statuses.length === 1 && statuses[0]) add('c.status = ?', statuses[0]);
    else if (statuses.length > 1)
      add(`c.status IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
    else if (filter.expiresWithinDays === undefined) add(`c.status <> 'archived'`);
    if (filter.planId !== undefined) add('c.plan_id = ?', filter.planId);
    if (filter.routerId !== undefined) add('c.router_id = ?', filter.routerId);
    if (filter.expiresWithinDays !== undefined) {
      if (statuses.length === 0) add(`c.status = 'active'`);
      add('c.expires_at >= ? AND c.expires_at < ?', now, now + filter.expiresWithinDays * DAY_MS);
    }
    const terms = parseSearch(filter.search);
    if (terms.kind === 'fts') {
      add('c.id IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)', terms.match);
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
    } else if (terms.kind === 'prefix') {
      const p = terms.prefix;
      const P = p.toUpperCase();
      add(
        `c.id IN (
          SELECT id FROM clients WHERE name_key >= ? AND name_key < ?
          UNION SELECT id FROM clients WHERE login_key >= ? AND login_key < ?
          UNION SELECT id FROM clients WHERE account_no >= ? AND account_no < ?
          UNION SELECT id FROM clients WHERE phone >= ? AND phone < ?)`,
        p,
        prefixEnd(p),
        p,
        prefixEnd(p),
        P,
        prefixEnd(P),
        p,
        prefixEnd(p),
      );
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

  const pageRows = (
    filter: ClientFilter,
    sort: ClientSort,
    cursor: string | undefined,
    limit: number,
    now: number,
  ): { rows: Row[]; more: boolean } => {
    const w = where(filter, now);
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
    const sql = `SELECT ${COLUMNS}, ${col} AS sort_key FROM clients c ${clause(w)}
      ORDER BY ${col} ${dir}${sort.by === 'createdAt' ? '' : `, c.id ${dir}`} LIMIT ?`;
    const rows = prepared(sql).all(...w.params, limit + 1) as Row[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  };

  const count = (filter: ClientFilter, now: number): ClientListOutput['total'] => {
    const w = where(filter, now);
    const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM clients c ${clause(w)} LIMIT ?)`;
    const { n } = prepared(sql).get(...w.params, COUNT_CAP + 1) as { n: number };
    return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  };

  const page = (
    input: { filter?: ClientFilter; sort?: ClientSort; cursor?: string; limit?: number },
    now: number,
  ) => {
    const sort = input.sort ?? DEFAULT_SORT;
    const { rows, more } = pageRows(
      input.filter ?? {},
      sort,
      input.cursor,
      input.limit ?? DEFAULT_PAGE,
      now,
    );
    const names = new Map(planNames.all().map((p) => [p.id, p.name]));
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toItem(names)),
      nextCursor: more && last ? encodeCursor(sort, { key: last.sort_key, id: last.id }) : null,
    };
  };

  return {
    list: (
      input: { filter?: ClientFilter; sort?: ClientSort; cursor?: string; limit?: number },
      now: number,
    ): ClientListOutput => ({ ...page(input, now), total: count(input.filter ?? {}, now) }),

    page,
    count,

    /** Ids of every match in pages (for exports), oldest first. */
    *iterateIds(filter: ClientFilter, now: number, pageSize = 1000): Generator<number[]> {
      const sort: ClientSort = { by: 'createdAt', dir: 'asc' };
      let cursor: string | undefined;
      for (;;) {
        const { rows, more } = pageRows(filter, sort, cursor, pageSize, now);
        if (rows.length > 0) yield rows.map((r) => r.id);
        const last = rows[rows.length - 1];
        if (!more || !last) return;
        cursor = encodeCursor(sort, { key: last.id, id: last.id });
      }
    },
  };
};

export type ClientSearch = ReturnType<typeof createClientSearch>;
