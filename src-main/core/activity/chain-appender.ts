import type Database from 'better-sqlite3';
import { readChainAnchor } from './chain-anchor';
import { chainHash, GENESIS_HASH, type ChainedRow } from './hash-chain';

type Head = { id: number; ts: number; row_hash: Buffer };

/** The rollup tables of migration 0002, fed per batch on the bulk path. */
const ROLLUPS = [
  { table: 'activity_hourly', key: 'hour', ms: 3_600_000 },
  { table: 'activity_daily', key: 'day', ms: 86_400_000 },
  { table: 'activity_period', key: 'period', ms: 32 * 86_400_000 },
] as const;

/**
 * Lone UTF-16 surrogates (valid in JSON input, e.g. a typed-in username) become U+FFFD before
 * hashing: SQLite keeps text as UTF-8, which cannot hold them, so the stored text would read back
 * different from what was hashed and the entry would never verify.
 */
const LONE_SURROGATE = /\p{Cs}/gu;
const HAS_LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (row: ChainedRow): ChainedRow =>
  Object.values(row).some((v) => typeof v === 'string' && HAS_LONE_SURROGATE.test(v))
    ? (Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          typeof v === 'string' ? v.replace(LONE_SURROGATE, '\uFFFD') : v,
        ]),
      ) as ChainedRow)
    : row;

/**
 * The one INSERT into activity_log, with the chain bookkeeping: the next id, a timestamp never
 * before the previous entry (so id order is time order, which date searches rely on), and the
 * row hash. Callers hold a write transaction.
 */
export const createChainAppender = (sqlite: Database.Database) => {
  const head = sqlite.prepare<[], Head>(
    'SELECT id, ts, row_hash FROM activity_log ORDER BY id DESC LIMIT 1',
  );
  const insert = sqlite.prepare(`INSERT INTO activity_log (id, ts, type, category, event, outcome,
      actor_id, actor_name, ip, workstation, description, target_type, target_id, target_label,
      client_id, router_id, details, correlation_id, row_hash)
    VALUES (@id, @ts, @type, @category, @event, @outcome, @actorId, @actorName, @ip, @workstation,
      @description, @targetType, @targetId, @targetLabel, @clientId, @routerId, @details,
      @correlationId, @rowHash)`);

  const triggerSql = sqlite.prepare<[string], { sql: string }>(
    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
  );
  // Prepared on first use: only the bulk path needs them.
  let indexBatch: Database.Statement[] | undefined;
  const indexStatements = () =>
    (indexBatch ??= [
      sqlite.prepare(`INSERT INTO activity_fts (rowid, search_text)
        SELECT id, search_text FROM activity_log WHERE id BETWEEN ? AND ?`),
      ...ROLLUPS.map(({ table, key, ms }) =>
        sqlite.prepare(`INSERT INTO ${table} (${key}, type, category, outcome, actor_id, n)
          SELECT ts / ${String(ms)}, type, category, outcome, coalesce(actor_id, 0), count(*)
          FROM activity_log WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5
          ON CONFLICT DO UPDATE SET n = n + excluded.n`),
      ),
    ]);
  const append = (rows: readonly Omit<ChainedRow, 'id'>[]): number => {
    // An empty log continues from where the chain starts: entry 1 from the genesis hash, or,
    // after retention archived every entry, the signed checkpoint it left as the anchor.
    const last = head.get();
    const anchor = last ? null : readChainAnchor(sqlite);
    let id = last?.id ?? anchor?.afterId ?? 0;
    let ts = last?.ts ?? 0;
    let prev: Buffer = last?.row_hash ?? anchor?.hash ?? GENESIS_HASH;
    for (const r of rows) {
      id += 1;
      ts = Math.max(r.ts, ts);
      const row = wellFormed({ ...r, id, ts });
      prev = chainHash(prev, row);
      insert.run({ ...row, rowHash: prev });
    }
    return id;
  };

  return {
    append,

    /**
     * The bulk path (imports, benchmarks): the same rows, hashes and indexes, but the FTS index
     * and the rollups are fed once per batch instead of by the per-row triggers, which is about
     * three times faster. The triggers are dropped and re-created inside the caller's
     * transaction, so a failure leaves them as they were.
     */
    appendBatch(rows: readonly Omit<ChainedRow, 'id'>[]): number {
      if (!sqlite.inTransaction) throw new Error('appendBatch needs a write transaction');
      const triggers = ['activity_log_ai', 'activity_log_ai_rollup'].map((name) => {
        const found = triggerSql.get(name);
        if (!found) throw new Error(`trigger ${name} is missing`);
        return { name, sql: found.sql };
      });
      for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
      const first = (head.get()?.id ?? 0) + 1;
      const last = append(rows);
      for (const stmt of indexStatements()) stmt.run(first, last);
      for (const t of triggers) sqlite.exec(t.sql);
      return last;
    },
  };
};
