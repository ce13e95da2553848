import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open-database';
import { AppError } from '../shared/app-error';
import type { ServiceContext } from '../shared/context';
import type { WriteTransaction } from '../db/write-transaction';
import type { Recorder } from './recorder';
import { createSettingsRepo } from '../settings/settings.repo';
import { AUDIT_KEYS, readChainAnchor, writeChainAnchor } from './chain-anchor';
import type { Checkpoints } from './checkpoints';
import { verifyChain } from './verify-chain';
import { ACTIVITY_COLUMNS } from './activity-row';
import { createSearchPlanner } from './search-plan';
import { openReadOnly } from './activity-source';

const COPY_BATCH = 5_000;

export type ArchiveResult = {
  file: string;
  firstId: number;
  lastId: number;
  entries: number;
};

/**
 * Retention: archive, verify, then prune — the only path that removes activity entries.
 * 1. A signed checkpoint is taken at the last entry to archive.
 * 2. The entries (and the checkpoints up to it, and the public key) are copied into a standalone
 *    archive database with the app's own schema, whose chain starts where the live one did.
 * 3. The archive is verified and quick-checked; only then is it moved to its final name.
 * 4. One transaction deletes the entries from the live log, moves the live chain's start to the
 *    checkpoint, and logs the run. The remaining chain still verifies; nothing is re-hashed.
 */
export const createRetention = (deps: {
  sqlite: Database.Database;
  dataDir: string;
  migrationsFolder: string;
  write: WriteTransaction;
  recorder: Recorder;
  checkpoints: Checkpoints;
  now: () => number;
  /** better-sqlite3 for Electron's ABI, when the app runs there (see CoreConfig). */
  nativeBinding?: string;
}) => {
  const { sqlite } = deps;
  const archivesDir = join(deps.dataDir, 'archives');

  const planner = createSearchPlanner(sqlite);
  const lastIdBefore = (ts: number): number | null =>
    planner.idRange(undefined, ts - 1)?.to ?? null;

  const copyInto = (file: string, firstId: number, lastId: number) => {
    const archive = openDatabase({
      file,
      migrationsFolder: deps.migrationsFolder,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    });
    try {
      const anchor = readChainAnchor(sqlite);
      const publicKey = deps.checkpoints.publicKeyPem;
      archive.sqlite.transaction(() => {
        writeChainAnchor(archive.sqlite, anchor, deps.now());
        createSettingsRepo(archive.sqlite).put(AUDIT_KEYS.publicKey, publicKey, deps.now());
        const checkpoints = archive.sqlite.prepare(
          `INSERT INTO activity_checkpoints (upto_id, head_hash, created_at, note, signature)
           VALUES (@uptoId, @headHash, @createdAt, @note, @signature)`,
        );
        for (const c of deps.checkpoints.list()) {
          if (c.uptoId <= lastId)
            checkpoints.run({ ...c, headHash: Buffer.from(c.headHash, 'hex') });
        }
      })();
      const read = sqlite.prepare(
        `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
      );
      const insert = archive.sqlite.prepare(
        `INSERT INTO activity_log (${ACTIVITY_COLUMNS}) VALUES (${ACTIVITY_COLUMNS.split(',')
          .map(() => '?')
          .join(', ')})`,
      );
      let after = firstId - 1;
      for (;;) {
        const rows = read.raw().all(after, lastId, COPY_BATCH) as unknown[][];
        if (rows.length === 0) break;
        archive.sqlite.transaction(() => {
          for (const r of rows) insert.run(...r);
        })();
        after = Number(rows[rows.length - 1]?.[0]);
      }
    } finally {
      archive.close();
    }
  };

  return {
    archivesDir,

    /** Archives and prunes every entry older than `before` (epoch ms). */
    archiveBefore: async (before: number, ctx: ServiceContext): Promise<ArchiveResult> => {
      const anchor = readChainAnchor(sqlite);
      const firstId = anchor.afterId + 1;
      const lastId = lastIdBefore(before);
      if (lastId === null || lastId < firstId) {
        throw new AppError('validation', 'There are no entries older than that date to archive.');
      }
      deps.write(() => deps.checkpoints.create(deps.now(), lastId));
      mkdirSync(archivesDir, { recursive: true, mode: 0o700 });
      const name = `activity-${String(firstId)}-${String(lastId)}.db`;
      const file = join(archivesDir, name);
      const partial = `${file}.partial`;
      if (existsSync(file)) throw new AppError('conflict', `The archive ${name} already exists.`);
      rmSync(partial, { force: true });
      copyInto(partial, firstId, lastId);

      const check = openReadOnly(partial, deps.nativeBinding);
      try {
        const verified = await verifyChain(check);
        const quick = check.pragma('quick_check', { simple: true });
        if (!verified.ok || quick !== 'ok' || verified.checked !== lastId - firstId + 1) {
          throw new AppError(
            'internal',
            `The archive did not verify (${verified.reason ?? String(quick)}); nothing was removed.`,
          );
        }
      } finally {
        check.close();
      }
      rmSync(`${partial}-wal`, { force: true });
      rmSync(`${partial}-shm`, { force: true });
      renameSync(partial, file);

      const head = sqlite
        .prepare<[number], { row_hash: Buffer }>('SELECT row_hash FROM activity_log WHERE id = ?')
        .get(lastId);
      if (!head) throw new AppError('internal', 'The last archived entry vanished.');
      deps.write(() => {
        const settings = createSettingsRepo(sqlite);
        settings.put(AUDIT_KEYS.retentionUnlocked, '1', deps.now());
        sqlite.prepare('DELETE FROM activity_log WHERE id BETWEEN ? AND ?').run(firstId, lastId);
        settings.put(AUDIT_KEYS.retentionUnlocked, '0', deps.now());
        writeChainAnchor(sqlite, { afterId: lastId, hash: head.row_hash }, deps.now());
        deps.recorder.record({
          event: 'activity.archived',
          params: {
            by: ctx.actor?.username ?? 'system',
            entries: lastId - firstId + 1,
            file: name,
          },
          ctx,
          details: { firstId, lastId, file: name, before },
        });
      });
      return { file: name, firstId, lastId, entries: lastId - firstId + 1 };
    },
  };
};

export type Retention = ReturnType<typeof createRetention>;
