import type { Sqlite } from '../db/open-database';
import { createSearchPlanner } from './search-plan';

/**
 * How many entries of some events one router has in a time range, read through the router's
 * partial index (`activity_log_router_idx`, router id then entry id) between the range's first
 * and last ids: the router's own entries of the range, never the whole log.
 */
export const createRouterEventCounts = (sqlite: Sqlite) => {
  const planner = createSearchPlanner(sqlite);
  const statements = new Map<number, ReturnType<Sqlite['prepare']>>();
  const statementFor = (events: number) => {
    let st = statements.get(events);
    if (!st) {
      st = sqlite.prepare(
        `SELECT count(*) AS n FROM activity_log INDEXED BY activity_log_router_idx
         WHERE router_id = ? AND id BETWEEN ? AND ?
           AND event IN (${Array.from({ length: events }, () => '?').join(',')})`,
      );
      statements.set(events, st);
    }
    return st;
  };
  return {
    /** Entries of `events` about each router in [from, to] (epoch ms, inclusive). */
    count: (
      routerIds: readonly number[],
      from: number,
      to: number,
      events: readonly string[],
    ): Map<number, number> => {
      const out = new Map<number, number>();
      const ids = planner.idRange(from, to);
      if (!ids || events.length === 0) return out;
      const st = statementFor(events.length);
      for (const id of routerIds) {
        const row = st.get(id, ids.from, ids.to, ...events) as { n: number } | undefined;
        out.set(id, row?.n ?? 0);
      }
      return out;
    },
  };
};

export type RouterEventCounts = ReturnType<typeof createRouterEventCounts>;
