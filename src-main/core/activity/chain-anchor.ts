import type Database from 'better-sqlite3';
import { createSettingsRepo } from '../settings/settings.repo';
import { GENESIS_HASH } from './hash-chain';

/** Keys of the audit machinery in the shared settings table. */
export const AUDIT_KEYS = {
  chainStart: 'audit.chain_start',
  /** The checkpoint signing key's public half, PEM; copied into every archive. */
  publicKey: 'audit.public_key',
  /** Read by the activity_log_no_delete trigger (migrations/0001): '1' only while pruning. */
  retentionUnlocked: 'audit.retention_unlocked',
  /** A retention run whose entries are being removed from the live log (see prune-run.ts). */
  pruneRun: 'audit.prune_run',
} as const;

/**
 * Where the live chain starts. Before any retention run: before entry 1, from 32 zero bytes.
 * After entries up to N were archived and pruned: after N, from entry N's hash, which is also a
 * signed checkpoint (verification checks that it is).
 */
export type ChainAnchor = { afterId: number; hash: Buffer };

export const readChainAnchor = (sqlite: Database.Database): ChainAnchor => {
  const value = createSettingsRepo(sqlite).get(AUDIT_KEYS.chainStart);
  if (value === undefined) return { afterId: 0, hash: GENESIS_HASH };
  const parsed = JSON.parse(value) as { afterId: number; hash: string };
  return { afterId: parsed.afterId, hash: Buffer.from(parsed.hash, 'hex') };
};

export const writeChainAnchor = (
  sqlite: Database.Database,
  anchor: ChainAnchor,
  now: number,
): void => {
  const value = JSON.stringify({ afterId: anchor.afterId, hash: anchor.hash.toString('hex') });
  createSettingsRepo(sqlite).put(AUDIT_KEYS.chainStart, value, now);
};
