import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './hash-chain';

/**
 * Where the live chain starts. Before any retention run: before entry 1, from 32 zero bytes.
 * After entries up to N were archived and pruned: after N, from entry N's hash, which is also a
 * signed checkpoint (verification checks that it is).
 */
export type ChainAnchor = { afterId: number; hash: Buffer };

const KEY = 'audit.chain_start';

export const readChainAnchor = (sqlite: Database.Database): ChainAnchor => {
  const row = sqlite
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(KEY);
  if (!row) return { afterId: 0, hash: GENESIS_HASH };
  const parsed = JSON.parse(row.value) as { afterId: number; hash: string };
  return { afterId: parsed.afterId, hash: Buffer.from(parsed.hash, 'hex') };
};

export const writeChainAnchor = (
  sqlite: Database.Database,
  anchor: ChainAnchor,
  now: number,
): void => {
  sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(KEY, JSON.stringify({ afterId: anchor.afterId, hash: anchor.hash.toString('hex') }), now);
};
