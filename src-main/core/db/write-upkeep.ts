import type { Sqlite } from './open-database';

/** Leaf pages one search-index merge step may write (a few milliseconds at 10M entries). */
const MERGE_PAGES = 64;

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
    },
    /** One WAL checkpoint and one merge step; returns the pages checkpointed and whether it merged. */
    tick: (): { walPages: number; merged: boolean } => {
      const [wal] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { checkpointed: number }[];
      const merged = mergeStep();
      return { walPages: Math.max(0, wal?.checkpointed ?? 0), merged };
    },
    mergeStep,
  };
};

export type WriteUpkeep = ReturnType<typeof createWriteUpkeep>;
