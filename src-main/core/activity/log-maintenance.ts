import type { Sqlite } from '../db/open-database';
import { createWriteUpkeep } from '../db/write-upkeep';
import type { WriteTransaction } from '../db/write-transaction';
import type { RequestMeta } from '../shared/context';

/** Leaf pages one FTS5 merge step may touch, and the bounds on the whole pass. */
const MERGE_PAGES = 200;
const MAX_MERGE_STEPS = 20;
const MERGE_BUDGET_MS = 250;

/**
 * The daily upkeep of the activity log: a signed checkpoint when one is due, an incremental merge
 * of the search index's segments (bounded in steps and time; each step its own short
 * transaction, so commits never wait long), and `PRAGMA optimize` for the query planner.
 * Returns what it did in one line.
 */
export const createLogMaintenance = (deps: {
  sqlite: Sqlite;
  write: WriteTransaction;
  checkpointIfDue: (meta: RequestMeta) => number | null;
  /** Monotonic milliseconds (tests may pin it). */
  elapsed?: () => number;
}) => {
  const { sqlite } = deps;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const upkeep = createWriteUpkeep(sqlite);
  const mergeStep = (): boolean => deps.write(() => upkeep.mergeStep(MERGE_PAGES));

  return {
    run: (meta: RequestMeta): string => {
      const checkpoint = deps.checkpointIfDue(meta);
      const started = elapsed();
      let steps = 0;
      let more: boolean;
      do {
        more = mergeStep();
        steps++;
      } while (more && steps < MAX_MERGE_STEPS && elapsed() - started < MERGE_BUDGET_MS);
      sqlite.pragma('optimize');
      const merged = more ? steps : steps - 1;
      const index =
        merged === 0
          ? 'search index: already merged'
          : `search index: ${String(merged)} merge step${merged === 1 ? '' : 's'}, ` +
            (more ? 'more left for the next run' : 'fully merged');
      const signed =
        checkpoint === null
          ? 'no checkpoint due'
          : `checkpoint signed at entry ${String(checkpoint)}`;
      return `${signed}; ${index}; query planner statistics refreshed`;
    },
  };
};
