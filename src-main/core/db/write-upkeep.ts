import { performance } from 'node:perf_hooks';
import { statSync } from 'node:fs';
import type { Sqlite } from './open-database';

/** Leaf pages one search-index merge step may write (a few milliseconds at 10M entries). */
const MERGE_PAGES = 64;
/** Segments a level may hold before a commit must merge them (FTS5's default: 16). */
const CRISIS_MERGE = 256;
/** Time for merge steps after one slice of a long run of writes (see `between`). */
const BETWEEN_MERGE_MS = 12;

/**
 * Keeps single-entry commits down to their own fsync. Left to themselves, SQLite copies the WAL
 * into the database file inside whichever commit crosses the page threshold, and FTS5 merges
 * index segments inside whichever commit completes a level (measured at 10M entries: p99 13–20 ms,
 * spikes of 70 ms every 64 commits). `hold()` turns both off; `tick()`, run by a timer between
 * calls, does the same work in small bounded steps.
 */
export const createWriteUpkeep = (sqlite: Sqlite) => {
  const merge = sqlite.prepare<[number]>(
    "INSERT INTO activity_fts(activity_fts, rank) VALUES('merge', ?)",
  );
  const changes = sqlite.prepare<[], { n: number }>('SELECT total_changes() AS n');
  const totalChanges = (): number => changes.get()?.n ?? 0;
  const walFile = `${sqlite.name}-wal`;
  const walBytes = (): number => statSync(walFile, { throwIfNoEntry: false })?.size ?? 0;
  let changesAtLastTick = totalChanges();

  /**
   * Empties the WAL file when nothing was written since the last tick. Readers on other
   * connections (the log screen's threads) can hold it; then this gives up at once instead of
   * waiting on the busy timeout, and the next idle tick tries again.
   */
  const truncateWal = (): boolean => {
    const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    sqlite.pragma('busy_timeout = 0');
    try {
      const [r] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      return r?.busy === 0;
    } finally {
      sqlite.pragma(`busy_timeout = ${String(timeout)}`);
    }
  };

  /**
   * One merge step of at most `pages` leaf pages; positive, so only levels that have collected
   * enough segments (FTS5 'usermerge') are merged. Per SQLite, two or more changes mean the step
   * found segments to merge.
   */
  const mergeStep = (pages = MERGE_PAGES): boolean => {
    const before = totalChanges();
    merge.run(pages);
    return totalChanges() - before >= 2;
  };

  return {
    /**
     * From now on commits leave checkpoints and merges to `tick`. Automerge is stored in the
     * index's config; while no timer runs (tests, the CLI), FTS5's crisis merge still bounds the
     * number of segments.
     */
    hold: (): void => {
      sqlite.pragma('wal_autocheckpoint = 0');
      sqlite.exec("INSERT INTO activity_fts(activity_fts, rank) VALUES('automerge', 0)");
      // A level's segments are merged by the ticks and between slices, never all at once
      // inside a commit (FTS5's crisis merge at 16 segments: seconds at millions of entries).
      sqlite.exec(
        `INSERT INTO activity_fts(activity_fts, rank) VALUES('crisismerge', ${String(CRISIS_MERGE)})`,
      );
    },
    /**
     * One WAL checkpoint and one merge step; when nothing was written since the last tick, a
     * TRUNCATE checkpoint that empties the WAL file (while writes go on, `journal_size_limit`
     * cuts it back each time it restarts). Returns the pages checkpointed, whether it merged,
     * and the WAL file's size afterwards.
     */
    tick: (): { walPages: number; merged: boolean; walBytes: number } => {
      const idle = totalChanges() === changesAtLastTick;
      const [wal] = sqlite.pragma('wal_checkpoint(PASSIVE)') as {
        log: number;
        checkpointed: number;
      }[];
      const copied = Math.max(0, wal?.checkpointed ?? 0);
      if (idle && (wal?.log ?? 0) > 0 && copied === wal?.log) truncateWal();
      const merged = mergeStep();
      changesAtLastTick = totalChanges();
      return { walPages: copied, merged, walBytes: walBytes() };
    },
    mergeStep,
    /**
     * After one slice of a long run of writes (an import, a prune): copies that slice's WAL pages
     * into the database file and merges the search-index segments it added, a few steps at most.
     * Left to the 5-second tick, such a run ends with one checkpoint of everything it wrote
     * (hundreds of milliseconds) and, once a level of the index has collected 16 segments,
     * FTS5's crisis merge of that whole level inside one commit (109 s at 10M entries).
     */
    between: (): void => {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      const until = performance.now() + BETWEEN_MERGE_MS;
      while (mergeStep() && performance.now() < until) {
        /* the next step */
      }
    },
  };
};

export type WriteUpkeep = ReturnType<typeof createWriteUpkeep>;
