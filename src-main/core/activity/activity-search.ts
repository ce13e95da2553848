import type Database from 'better-sqlite3';
import type { ActivitySearchOutput } from '../../contract/schemas/activity';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from './activity-row';
import { createSearchPlanner, type ScopedFilter, type SearchPlan } from './search-plan';

export const COUNT_CAP = 10_000;
const DEFAULT_LIMIT = 100;

const COLUMNS = ACTIVITY_COLUMNS.split(',')
  .map((c) => `l.${c.trim()}`)
  .join(', ');

/** Newest-first search with keyset pages and a capped count; stays flat at millions of rows. */
export const createActivitySearch = (sqlite: Database.Database) => {
  const planner = createSearchPlanner(sqlite);

  const rows = (p: SearchPlan, to: number, limit: number): ActivityRow[] =>
    planner.rows<ActivityRow>(p, to, COLUMNS, limit);

  const count = (p: SearchPlan): ActivitySearchOutput['total'] => {
    const { n, capped } = planner.count(p, COUNT_CAP);
    return { count: n, capped };
  };

  const page = (p: SearchPlan, cursor: number | undefined, limit: number) => {
    if (!p.ids) return { entries: [], nextCursor: null };
    const to = cursor === undefined ? p.ids.to : Math.min(p.ids.to, cursor - 1);
    const found = rows(p, to, limit + 1);
    const entries = found.slice(0, limit).map(toEntry);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: found.length > limit && last ? last.id : null };
  };

  return {
    planner,

    search(
      filter: ScopedFilter,
      opts: { cursor?: number; limit?: number } = {},
    ): ActivitySearchOutput {
      const p = planner.plan(filter);
      const found = page(p, opts.cursor, opts.limit ?? DEFAULT_LIMIT);
      // A first page that is not full has seen every match: it is the count.
      const complete = opts.cursor === undefined && found.nextCursor === null;
      const total = complete ? { count: found.entries.length, capped: false } : count(p);
      return { ...found, total };
    },

    /** Only the page (no count): what "load more" needs. */
    page: (filter: ScopedFilter, opts: { cursor?: number; limit?: number } = {}) =>
      page(planner.plan(filter), opts.cursor, opts.limit ?? DEFAULT_LIMIT),

    count: (filter: ScopedFilter) => count(planner.plan(filter)),

    /** Matches newer than `afterId` (capped): what arrived since the newest entry on screen. */
    countAfter: (filter: ScopedFilter, afterId: number): ActivitySearchOutput['total'] => {
      const p = planner.plan(filter);
      if (!p.ids || p.ids.to <= afterId) return { count: 0, capped: false };
      const { n, capped } = planner.count(p, COUNT_CAP, {
        from: Math.max(p.ids.from, afterId + 1),
        to: p.ids.to,
      });
      return { count: n, capped };
    },

    /** Every matching row, newest first, in keyset pages: for exports of any size. */
    *iterate(filter: ScopedFilter, pageSize = 1000): Generator<ActivityRow[]> {
      const p = planner.plan(filter);
      if (!p.ids) return;
      let to = p.ids.to;
      for (;;) {
        const batch = rows(p, to, pageSize);
        if (batch.length === 0) return;
        yield batch;
        const last = batch[batch.length - 1];
        if (!last || batch.length < pageSize) return;
        to = last.id - 1;
      }
    },
  };
};

export type ActivitySearch = ReturnType<typeof createActivitySearch>;
