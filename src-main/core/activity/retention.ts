import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../shared/app-error';
import type { ServiceContext } from '../shared/context';
import type { WriteTransaction } from '../db/write-transaction';
import type { Recorder } from './recorder';
import { readChainAnchor } from './chain-anchor';
import { createPruner, readPruneRun, writePruneRun, type PruneRun } from './prune-run';
import type { Checkpoints } from './checkpoints';
import type { TaskRunner } from '../tasks/task-runner';
import type { TaskHandle } from '../tasks/task-registry';
import { createSearchPlanner } from './search-plan';

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
 *    archive database with the app's own schema, whose chain starts where the live one did, on
 *    a task thread that reads the live log on a read-only connection (archive-copy.ts).
 * 3. The archive is verified and quick-checked; only then is it moved to its final name. Until
 *    here the run can be cancelled: the partial file is removed and the live log is untouched.
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
  /** Copies, verifies and quick-checks the new archive (on a task thread in the app). */
  tasks: TaskRunner;
  now: () => number;
  /** better-sqlite3 for Electron's ABI, when the app runs there (see CoreConfig). */
  nativeBinding?: string;
  /** Entries removed per transaction (default PRUNE_CHUNK). */
  pruneChunk?: number;
  /** Called between prune chunks (the crash test pauses there). */
  afterPruneChunk?: (prunedUpTo: number) => Promise<void> | void;
  /** Between two prune chunks (see prune-run.ts). */
  breathe?: () => Promise<void>;
}) => {
  const { sqlite } = deps;
  /** An archive file is being made (copy and verify); one at a time. */
  let copying = false;
  const archivesDir = join(deps.dataDir, 'archives');

  const planner = createSearchPlanner(sqlite);
  const lastIdBefore = (ts: number): number | null =>
    planner.idRange(undefined, ts - 1)?.to ?? null;

  const pruner = createPruner({
    sqlite,
    write: deps.write,
    recorder: deps.recorder,
    now: deps.now,
    ...(deps.pruneChunk === undefined ? {} : { chunk: deps.pruneChunk }),
    ...(deps.afterPruneChunk ? { afterChunk: deps.afterPruneChunk } : {}),
    ...(deps.breathe ? { breathe: deps.breathe } : {}),
  });

  return {
    archivesDir,

    /** Archives and prunes every entry older than `before` (epoch ms). */
    archiveBefore: async (
      before: number,
      ctx: ServiceContext,
      task?: TaskHandle,
    ): Promise<ArchiveResult> => {
      if (readPruneRun(sqlite)) {
        throw new AppError('conflict', 'The last archive run is still removing its entries.');
      }
      if (copying) throw new AppError('conflict', 'An archive is being made already.');
      const anchor = readChainAnchor(sqlite);
      const firstId = anchor.afterId + 1;
      const lastId = lastIdBefore(before);
      if (lastId === null || lastId < firstId) {
        throw new AppError('validation', 'There are no entries older than that date to archive.');
      }
      const entries = lastId - firstId + 1;
      // Copy, verify, prune: one bar over three passes of the run's entries.
      const progress = (pass: number, done: number) =>
        task?.progress(pass * entries + done, 3 * entries);
      const hooks = (pass: number) => ({
        onProgress: (done: number) => progress(pass, done),
        ...(task ? { signal: task.signal } : {}),
      });
      deps.write(() => deps.checkpoints.create(deps.now(), lastId));
      mkdirSync(archivesDir, { recursive: true, mode: 0o700 });
      const name = `activity-${String(firstId)}-${String(lastId)}.db`;
      const file = join(archivesDir, name);
      const partial = `${file}.partial`;
      const leftovers = [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`];
      if (existsSync(file)) throw new AppError('conflict', `The archive ${name} already exists.`);
      copying = true;
      try {
        for (const f of leftovers) rmSync(f, { force: true });
        await deps.tasks.run(
          {
            kind: 'archiveCopy',
            file: sqlite.name,
            target: partial,
            firstId,
            lastId,
            migrationsFolder: deps.migrationsFolder,
            now: deps.now(),
            anchor: { afterId: anchor.afterId, hash: anchor.hash.toString('hex') },
            publicKey: deps.checkpoints.publicKeyPem,
            checkpoints: deps.checkpoints.list().filter((c) => c.uptoId <= lastId),
          },
          hooks(0),
        );
        const { result: verified, quickCheck: quick } = await deps.tasks.run(
          { kind: 'verify', file: partial, quickCheck: true },
          hooks(1),
        );
        if (!verified.ok || quick !== 'ok' || verified.checked !== entries) {
          throw new AppError(
            'internal',
            `The archive did not verify (${verified.reason ?? String(quick)}); nothing was removed.`,
          );
        }
        task?.throwIfCancelled();
        // From the run's record on, the run goes to its end (across a restart if need be).
        task?.holdCancel(
          'The archive is made and its entries are being removed; this goes on to the end.',
        );
        for (const f of leftovers.slice(1)) rmSync(f, { force: true });
      } catch (e) {
        // Failed or cancelled before anything was removed: no partial archive is left behind.
        for (const f of leftovers) rmSync(f, { force: true });
        throw e;
      } finally {
        copying = false;
      }
      // Recorded before the rename: a run cut short after it is finished at the next start.
      const run: PruneRun = {
        file: name,
        firstId,
        lastId,
        before,
        by: ctx.actor?.username ?? 'system',
        startedAt: deps.now() - (task?.elapsed() ?? 0),
      };
      deps.write(() => writePruneRun(sqlite, run, deps.now()));
      renameSync(partial, file);
      // Stops between chunks only when the app stops (a cancel is refused from here on).
      await pruner.prune(run, ctx, {
        onProgress: (done) => progress(2, done),
        ...(task ? { signal: task.signal } : {}),
      });
      return { file: name, firstId, lastId, entries };
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
