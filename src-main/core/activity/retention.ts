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
import { createPruner, readPruneRun, writePruneRun, type PruneRun } from './prune-run';
import type { Checkpoints } from './checkpoints';
import type { TaskRunner } from '../tasks/task-runner';
import { ACTIVITY_COLUMNS } from './activity-row';
import { createSearchPlanner } from './search-plan';

/** Entries copied per archive transaction; the event loop runs between batches. */
const COPY_BATCH = 1_000;

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
 * 4. The run is recorded, then its entries are removed from the live log oldest first in short
 *    transactions (prune-run.ts), each moving the live chain's start to its last entry; the last
 *    one logs the run. The chain verifies at every point; nothing is re-hashed. A run cut short
 *    is finished at the next start.
 */
export const createRetention = (deps: {
  sqlite: Database.Database;
  dataDir: string;
  migrationsFolder: string;
  write: WriteTransaction;
  recorder: Recorder;
  checkpoints: Checkpoints;
  /** Verifies and quick-checks the new archive (on a task thread in the app). */
  tasks: TaskRunner;
  now: () => number;
  /** better-sqlite3 for Electron's ABI, when the app runs there (see CoreConfig). */
  nativeBinding?: string;
  /** Entries removed per transaction (default PRUNE_CHUNK). */
  pruneChunk?: number;
  /** Called between prune chunks (the crash test pauses there). */
  afterPruneChunk?: (prunedUpTo: number) => Promise<void> | void;
}) => {
  const { sqlite } = deps;
  const archivesDir = join(deps.dataDir, 'archives');

  const planner = createSearchPlanner(sqlite);
  const lastIdBefore = (ts: number): number | null =>
    planner.idRange(undefined, ts - 1)?.to ?? null;

  const copyInto = async (file: string, firstId: number, lastId: number) => {
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
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      archive.close();
    }
  };

  const pruner = createPruner({
    sqlite,
    write: deps.write,
    recorder: deps.recorder,
    now: deps.now,
    ...(deps.pruneChunk === undefined ? {} : { chunk: deps.pruneChunk }),
    ...(deps.afterPruneChunk ? { afterChunk: deps.afterPruneChunk } : {}),
  });

  return {
    archivesDir,

    /** Archives and prunes every entry older than `before` (epoch ms). */
    archiveBefore: async (before: number, ctx: ServiceContext): Promise<ArchiveResult> => {
      if (readPruneRun(sqlite)) {
        throw new AppError('conflict', 'The last archive run is still removing its entries.');
      }
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
      await copyInto(partial, firstId, lastId);

      const { result: verified, quickCheck: quick } = await deps.tasks.run({
        kind: 'verify',
        file: partial,
        quickCheck: true,
      });
      if (!verified.ok || quick !== 'ok' || verified.checked !== lastId - firstId + 1) {
        throw new AppError(
          'internal',
          `The archive did not verify (${verified.reason ?? String(quick)}); nothing was removed.`,
        );
      }
      rmSync(`${partial}-wal`, { force: true });
      rmSync(`${partial}-shm`, { force: true });
      // Recorded before the rename: a run cut short after it is finished at the next start.
      const run: PruneRun = {
        file: name,
        firstId,
        lastId,
        before,
        by: ctx.actor?.username ?? 'system',
      };
      deps.write(() => writePruneRun(sqlite, run, deps.now()));
      renameSync(partial, file);
      await pruner.prune(run, ctx);
      return { file: name, firstId, lastId, entries: lastId - firstId + 1 };
    },

    /**
     * At start: finishes a run that a crash or quit cut short (its archive was verified before
     * the run was recorded; the rename into place may not have happened yet).
     */
    resume: async (ctx: ServiceContext): Promise<void> => {
      const run = readPruneRun(sqlite);
      if (!run) return;
      const file = join(archivesDir, run.file);
      if (!existsSync(file)) renameSync(`${file}.partial`, file);
      await pruner.resume(ctx);
    },
  };
};

export type Retention = ReturnType<typeof createRetention>;
