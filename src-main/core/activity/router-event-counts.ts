import type Database from 'better-sqlite3';
import type { Sqlite } from '../db/open-database';
import { createSearchPlanner } from './search-plan';

/**
 * How many entries of some events one router has in a time range, read through the router's
 * partial index (`activity_log_router_idx`, router id then entry id) between the range's first
 * and last ids: the router's own entries of the range, never the whole log.
 */
export const createRouterEventCounts = (sqlite: Sqlite) => {
  const planner = createSearchPlanner(sqlite);
  type Count = Database.Statement<(string | number)[], { n: number }>;
  const statements = new Map<number, Count>();
  const statementFor = (events: number): Count => {
    let st = statements.get(events);
    if (!st) {
      st = sqlite.prepare<(string | number)[], { n: number }>(
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
        const row = st.get(id, ids.from, ids.to, ...events);
        out.set(id, row?.n ?? 0);
      }
      return out;
    },
  };
};

export type RouterEventCounts = ReturnType<typeof createRouterEventCounts>;
