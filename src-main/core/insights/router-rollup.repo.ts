import type { Sqlite } from '../db/open-database';

/** One router's health polls in one UTC hour. */
export type RouterHourRow = {
  routerId: number;
  hour: number;
  samples: number;
  failed: number;
  latencySum: number;
  latencyCount: number;
  latencyMax: number | null;
  outages: number;
};

/**
 * Repository of `router_health_hourly`, each router's health per hour (filled by a trigger on
 * `router_health_samples`, migration 0014): reads of a range and pruning; all SQL on it is here.
 */
export const createRouterRollupRepo = (sqlite: Sqlite) => {
  const range = sqlite.prepare<[number, number], RouterHourRow>(
    `SELECT router_id AS routerId, hour, samples, failed, latency_sum AS latencySum,
       latency_count AS latencyCount, latency_max AS latencyMax, outages
     FROM router_health_hourly WHERE hour BETWEEN ? AND ?`,
  );
  const prune = sqlite.prepare<[number, number]>(
    `DELETE FROM router_health_hourly WHERE (router_id, hour) IN (
       SELECT router_id, hour FROM router_health_hourly WHERE hour < ? ORDER BY hour LIMIT ?)`,
  );
  return {
    /** Every router's hours in [from, to] (epoch ms, whole hours that hold them). */
    hours: (from: number, to: number): RouterHourRow[] =>
      range.all(Math.floor(from / 3_600_000), Math.floor(to / 3_600_000)),
    /** Removes at most `limit` hours older than `before`; returns how many. */
    prune: (before: number, limit: number): number =>
      prune.run(Math.floor(before / 3_600_000), limit).changes,
  };
};

export type RouterRollupRepo = ReturnType<typeof createRouterRollupRepo>;
