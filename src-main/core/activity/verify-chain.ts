import type Database from 'better-sqlite3';
import type { VerifyResult } from '../../contract/schemas/activity';
import { ACTIVITY_COLUMNS, toChained, type ActivityRow } from './activity-row';
import { createSettingsRepo } from '../settings/settings.repo';
import { AUDIT_KEYS, readChainAnchor } from './chain-anchor';
import { verifyCheckpointSignature } from './checkpoints';
import { chainHash } from './hash-chain';
import { readPruneRun } from './prune-run';
import { nextTurn } from '../shared/next-turn';

const BATCH = 5_000;

type CheckpointRow = { upto_id: number; head_hash: Buffer; note: string; signature: string };

/**
 * Recomputes the hash chain from where the live chain starts (the first entry, or the signed
 * checkpoint that retention left as its anchor) and checks every stored checkpoint against it.
 * Works in batches and yields to the event loop between them, so that a long verification does
 * not freeze the app. Names the first entry that does not verify: an altered row, or the entry
 * after a gap where rows were removed.
 */
export const verifyChain = async (
  sqlite: Database.Database,
  onProgress?: (checked: number) => void,
): Promise<VerifyResult> => {
  const page = sqlite.prepare<[number, number], ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const anchor = readChainAnchor(sqlite);
  const publicKey = createSettingsRepo(sqlite).get(AUDIT_KEYS.publicKey);
  const checkpoints = new Map(
    sqlite
      .prepare<[], CheckpointRow>(
        'SELECT upto_id, head_hash, note, signature FROM activity_checkpoints',
      )
      .all()
      .map((c) => [c.upto_id, c]),
  );
  for (const c of checkpoints.values()) {
    if (publicKey && !verifyCheckpointSignature(c, publicKey)) {
      return fail(0, c.upto_id, 'the checkpoint at this entry has an invalid signature');
    }
  }
  if (anchor.afterId > 0 && !checkpoints.get(anchor.afterId)?.head_hash.equals(anchor.hash)) {
    // Mid-prune the chain starts at the last entry removed so far: accepted only when the entries
    // left chain from it to the signed checkpoint where the run's archive ends (checked below).
    const run = readPruneRun(sqlite);
    const pruning =
      run !== null &&
      anchor.afterId >= run.firstId &&
      anchor.afterId < run.lastId &&
      checkpoints.has(run.lastId);
    if (!pruning) {
      return fail(0, anchor.afterId + 1, 'the chain does not start at a signed checkpoint');
    }
  }

  let prevHash: Buffer = anchor.hash;
  let prevId = anchor.afterId;
  let checked = 0;
  for (;;) {
    const rows = page.all(prevId, BATCH);
    for (const row of rows) {
      if (row.id !== prevId + 1) {
        return fail(
          checked,
          row.id,
          `entries ${String(prevId + 1)}–${String(row.id - 1)} are missing`,
        );
      }
      if (!chainHash(prevHash, toChained(row)).equals(row.row_hash)) {
        return fail(checked, row.id, 'its contents do not match its hash (altered)');
      }
      const checkpoint = checkpoints.get(row.id);
      if (checkpoint && !checkpoint.head_hash.equals(row.row_hash)) {
        return fail(checked, row.id, 'it differs from the signed checkpoint taken at this entry');
      }
      prevHash = row.row_hash;
      prevId = row.id;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < BATCH) break;
    await nextTurn();
  }
  const beyond = [...checkpoints.keys()].filter((id) => id > prevId);
  if (beyond.length > 0) {
    return fail(
      checked,
      prevId + 1,
      `entries up to ${String(Math.max(...beyond))} were checkpointed but are missing`,
    );
  }
  return { ok: true, checked, firstBadId: null, reason: null };
};

const fail = (checked: number, id: number, reason: string): VerifyResult => ({
  ok: false,
  checked,
  firstBadId: id,
  reason: `Entry ${String(id)} does not verify: ${reason}`,
});
