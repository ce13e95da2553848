import type Database from 'better-sqlite3';
import type { WriteTransaction } from '../db/write-transaction';
import { AppError } from '../shared/app-error';
import type { ServiceContext } from '../shared/context';
import { createSettingsRepo } from '../settings/settings.repo';
import { AUDIT_KEYS, readChainAnchor, writeChainAnchor } from './chain-anchor';
import type { Recorder } from './recorder';
import { nextTurn } from '../shared/next-turn';

/**
 * Entries deleted per transaction. Each deleted entry also updates the search index and the
 * daily counts; 100 keep a chunk to a few milliseconds of the main thread at 10M entries (500
 * measured up to 200 ms).
 */
export const PRUNE_CHUNK = 100;

/**
 * A retention run between "the archive is verified and in place" and "its entries are gone from
 * the live log", kept in the settings table so that a run cut short (crash, power loss, quit)
 * goes on at the next start. How far it got is the live chain's anchor itself.
 */
export type PruneRun = {
  file: string;
  firstId: number;
  lastId: number;
  before: number;
  by: string;
  /** When the run began (epoch ms; absent in runs recorded by older versions). */
  startedAt?: number;
};

export const readPruneRun = (sqlite: Database.Database): PruneRun | null => {
  const value = createSettingsRepo(sqlite).get(AUDIT_KEYS.pruneRun);
  return value ? (JSON.parse(value) as PruneRun) : null;
};

export const writePruneRun = (sqlite: Database.Database, run: PruneRun | null, now: number) => {
  createSettingsRepo(sqlite).put(AUDIT_KEYS.pruneRun, run ? JSON.stringify(run) : '', now);
};

/** Entries removed so far (for progress), and a signal that stops the run between chunks. */
type Follow = { onProgress?: (done: number) => void; signal?: AbortSignal };

/**
 * Removes a verified archive's entries from the live log, oldest first, `chunk` entries per
 * transaction, yielding to the event loop between chunks. Each chunk moves the live chain's
 * anchor to its last entry (whose hash the archive holds, and from which the remaining entries
 * still chain to the signed checkpoint at the run's end), so the log verifies between any two
 * chunks. The last chunk logs the run and clears its record.
 */
export const createPruner = (deps: {
  sqlite: Database.Database;
  write: WriteTransaction;
  recorder: Recorder;
  now: () => number;
  chunk?: number;
  /** Called after each committed chunk with the last pruned id (tests pause or crash here). */
  afterChunk?: (prunedUpTo: number) => Promise<void> | void;
  /** Between two chunks: lets other calls in (and, in the app, keeps the WAL and index up). */
  breathe?: () => Promise<void>;
}) => {
  const { sqlite } = deps;
  const chunk = deps.chunk ?? PRUNE_CHUNK;
  const settings = createSettingsRepo(sqlite);
  const hashOf = sqlite.prepare<[number], { row_hash: Buffer }>(
    'SELECT row_hash FROM activity_log WHERE id = ?',
  );
  const remove = sqlite.prepare<[number, number]>(
    'DELETE FROM activity_log WHERE id BETWEEN ? AND ?',
  );

  /** One chunk in one transaction; true when the run is complete. */
  const step = (run: PruneRun, ctx: ServiceContext): boolean =>
    deps.write(() => {
      const from = readChainAnchor(sqlite).afterId + 1;
      const to = Math.min(run.lastId, from + chunk - 1);
      const head = hashOf.get(to);
      if (!head) throw new AppError('internal', `Entry ${String(to)} vanished while pruning.`);
      settings.put(AUDIT_KEYS.retentionUnlocked, '1', deps.now());
      remove.run(from, to);
      settings.put(AUDIT_KEYS.retentionUnlocked, '0', deps.now());
      writeChainAnchor(sqlite, { afterId: to, hash: head.row_hash }, deps.now());
      if (to < run.lastId) return false;
      writePruneRun(sqlite, null, deps.now());
      const entries = run.lastId - run.firstId + 1;
      deps.recorder.record({
        event: 'activity.archived',
        params: { by: run.by, entries, file: run.file },
        ctx,
        details: {
          firstId: run.firstId,
          lastId: run.lastId,
          file: run.file,
          before: run.before,
          // From the start of the copy to the last chunk, a restart in between included.
          ...(run.startedAt === undefined
            ? {}
            : { durationMs: Math.max(0, deps.now() - run.startedAt) }),
        },
      });
      return true;
    });

  const loop = async (run: PruneRun, ctx: ServiceContext, follow: Follow) => {
    for (;;) {
      if (follow.signal?.aborted) {
        throw new AppError('unavailable', 'Stopped between two chunks; the next start goes on.');
      }
      const done = step(run, ctx);
      const prunedUpTo = readChainAnchor(sqlite).afterId;
      follow.onProgress?.(prunedUpTo - run.firstId + 1);
      await deps.afterChunk?.(prunedUpTo);
      if (done) return;
      await (deps.breathe ?? nextTurn)();
    }
  };
  let running: Promise<void> | null = null;
  const start = (run: PruneRun, ctx: ServiceContext, follow: Follow = {}): Promise<void> => {
    running = loop(run, ctx, follow).finally(() => {
      running = null;
    });
    return running;
  };

  return {
    /** Runs `run` (already recorded) to its end; one run at a time. */
    prune: (run: PruneRun, ctx: ServiceContext, follow?: Follow): Promise<void> =>
      running
        ? Promise.reject(new AppError('conflict', 'Older entries are still being removed.'))
        : start(run, ctx, follow),
    /** The run a previous start left unfinished, if any, taken up where it stopped. */
    resume: (ctx: ServiceContext): Promise<void> => {
      if (running) return running;
      const run = readPruneRun(sqlite);
      return run ? start(run, ctx) : Promise.resolve();
    },
  };
};

export type Pruner = ReturnType<typeof createPruner>;
