import { openDatabase } from '../db/open-database';
import { createSettingsRepo } from '../settings/settings.repo';
import { openReadOnly } from './activity-source';
import { ACTIVITY_COLUMNS } from './activity-row';
import { AUDIT_KEYS, writeChainAnchor } from './chain-anchor';
import type { Checkpoint } from './checkpoints';
import { nextTurn } from '../shared/next-turn';

/** Entries copied per archive transaction; progress is reported (and the thread yields) between. */
const COPY_BATCH = 1_000;

/** Everything an archive file is made of besides the entries, read by the main thread. */
export type ArchiveCopyRequest = {
  /** The live database, read on a connection of the copy's own (read-only). */
  file: string;
  /** The archive file to create (`….db.partial`). */
  target: string;
  firstId: number;
  lastId: number;
  migrationsFolder: string;
  /** The time stamped on the archive's settings rows. */
  now: number;
  /** The live chain's anchor: the archive's chain starts where the live one did (hash in hex). */
  anchor: { afterId: number; hash: string };
  publicKey: string;
  /** The live log's checkpoints up to `lastId`. */
  checkpoints: Checkpoint[];
};

/**
 * Makes a standalone archive database with the app's own schema: the chain anchor, the public
 * key, the checkpoints, then entries `firstId`..`lastId` copied row for row in batches of 1,000,
 * each its own transaction. Runs on a task thread in the app (task-bodies.ts); the live log is
 * only read. The caller verifies the result before it counts as an archive.
 */
export const copyIntoArchive = async (
  r: ArchiveCopyRequest,
  io: { progress(done: number): void; nativeBinding?: string },
): Promise<{ entries: number }> => {
  const live = openReadOnly(r.file, io.nativeBinding);
  const archive = openDatabase({
    file: r.target,
    migrationsFolder: r.migrationsFolder,
    ...(io.nativeBinding ? { nativeBinding: io.nativeBinding } : {}),
  });
  try {
    archive.sqlite.transaction(() => {
      const anchor = { afterId: r.anchor.afterId, hash: Buffer.from(r.anchor.hash, 'hex') };
      writeChainAnchor(archive.sqlite, anchor, r.now);
      createSettingsRepo(archive.sqlite).put(AUDIT_KEYS.publicKey, r.publicKey, r.now);
      const checkpoints = archive.sqlite.prepare(
        `INSERT INTO activity_checkpoints (upto_id, head_hash, created_at, note, signature)
         VALUES (@uptoId, @headHash, @createdAt, @note, @signature)`,
      );
      for (const c of r.checkpoints) {
        if (c.uptoId <= r.lastId)
          checkpoints.run({ ...c, headHash: Buffer.from(c.headHash, 'hex') });
      }
    })();
    const read = live.prepare(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
    );
    const insert = archive.sqlite.prepare(
      `INSERT INTO activity_log (${ACTIVITY_COLUMNS}) VALUES (${ACTIVITY_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    );
    let after = r.firstId - 1;
    let copied = 0;
    for (;;) {
      const rows = read.raw().all(after, r.lastId, COPY_BATCH) as unknown[][];
      if (rows.length === 0) break;
      archive.sqlite.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
      after = Number(rows[rows.length - 1]?.[0]);
      copied += rows.length;
      io.progress(copied);
      await nextTurn();
    }
    return { entries: copied };
  } finally {
    archive.close();
    live.close();
  }
};
