import type Database from 'better-sqlite3';
import type { VerifyResult } from '../../contract/schemas/activity';
import { ACTIVITY_COLUMNS, toChained, type ActivityRow } from './activity-row';
import { chainHash, GENESIS_HASH } from './hash-chain';

const BATCH = 5_000;

/**
 * Recomputes the hash chain from the first entry. Works in batches and yields to the event loop
 * between them, so that a long verification does not freeze the app. Names the first entry that
 * does not verify: an altered row, or the entry after a gap where rows were removed.
 */
export const verifyChain = async (
  sqlite: Database.Database,
  onProgress?: (checked: number) => void,
): Promise<VerifyResult> => {
  const page = sqlite.prepare<[number, number], ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  let prevHash: Buffer = GENESIS_HASH;
  let prevId = 0;
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
      prevHash = row.row_hash;
      prevId = row.id;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < BATCH) return { ok: true, checked, firstBadId: null, reason: null };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
};

const fail = (checked: number, id: number, reason: string): VerifyResult => ({
  ok: false,
  checked,
  firstBadId: id,
  reason: `Entry ${String(id)} does not verify: ${reason}`,
});
