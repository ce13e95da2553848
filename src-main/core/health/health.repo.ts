/**
 * Repository of `router_health` (each router's current state) and `router_health_samples`
 * (bounded history for the charts): all SQL on these two tables lives here.
 */
import { and, asc, avg, count, desc, eq, gte, inArray, lt, max, min, sql } from 'drizzle-orm';
import type { HealthBucket, HealthSample } from '../../contract/schemas/routers';
import type { Orm } from '../db/open-database';
import { routerHealth, routerHealthSamples, routers } from '../db/schema';

/** The stored health state of one router (one row of `router_health`). */
export type HealthState = typeof routerHealth.$inferSelect;

export const initialHealth = (routerId: number, now: number): HealthState => ({
  routerId,
  status: 'unknown',
  statusSince: now,
  lastPollAt: null,
  lastSeenAt: null,
  lastError: null,
  identity: null,
  version: null,
  board: null,
  uptimeSec: null,
  cpuLoad: null,
  memoryUsedPct: null,
  activeSessions: null,
  latencyMs: null,
  consecutiveFailures: 0,
  flapping: false,
  cpuHigh: false,
  memoryHigh: false,
});

export const createHealthRepo = (orm: Orm) => ({
  get: (routerId: number): HealthState | undefined =>
    orm.select().from(routerHealth).where(eq(routerHealth.routerId, routerId)).get(),

  put: (s: HealthState): void => {
    orm
      .insert(routerHealth)
      .values(s)
      .onConflictDoUpdate({ target: routerHealth.routerId, set: { ...s, routerId: undefined } })
      .run();
  },

  addSample: (routerId: number, ts: number, s: Omit<HealthSample, 'ts'>): void => {
    orm
      .insert(routerHealthSamples)
      .values({
        routerId,
        ts,
        ok: s.ok,
        latencyMs: s.latencyMs,
        cpuLoad: s.cpuLoad,
        memoryUsedPct: s.memoryUsedPct,
        activeSessions: s.activeSessions,
        uptimeSec: s.uptimeSec,
      })
      .run();
  },

  samples: (routerId: number, since: number): HealthSample[] =>
    orm
      .select({
        ts: routerHealthSamples.ts,
        ok: routerHealthSamples.ok,
        latencyMs: routerHealthSamples.latencyMs,
        cpuLoad: routerHealthSamples.cpuLoad,
        memoryUsedPct: routerHealthSamples.memoryUsedPct,
        activeSessions: routerHealthSamples.activeSessions,
        uptimeSec: routerHealthSamples.uptimeSec,
      })
      .from(routerHealthSamples)
      .where(and(eq(routerHealthSamples.routerId, routerId), gte(routerHealthSamples.ts, since)))
      .orderBy(asc(routerHealthSamples.ts))
      .all(),

  /** Drops one router's samples older than `before` (a range of its index); returns how many. */
  prune: (routerId: number, before: number): number =>
    orm
      .delete(routerHealthSamples)
      .where(and(eq(routerHealthSamples.routerId, routerId), lt(routerHealthSamples.ts, before)))
      .run().changes,

  /**
   * Samples in [from, to) of one router folded into buckets of `bucketMs` (averages and peaks per
   * bucket, empty buckets left out): one range scan of the (router_id, ts) index.
   */
  history: (routerId: number, from: number, to: number, bucketMs: number): HealthBucket[] => {
    const s = routerHealthSamples;
    // Whole buckets: the driver binds numbers as REAL, so a plain division would not truncate.
    const bucket = sql<number>`cast((${s.ts} - ${from}) / ${bucketMs} as integer)`;
    const whole = (v: string | number | null): number | null =>
      v === null ? null : Math.round(Number(v));
    return orm
      .select({
        bucket,
        first: min(s.ts),
        samples: count(),
        failed: sql<number>`sum(case when ${s.ok} then 0 else 1 end)`,
        cpuAvg: avg(s.cpuLoad),
        cpuMax: max(s.cpuLoad),
        memoryAvg: avg(s.memoryUsedPct),
        memoryMax: max(s.memoryUsedPct),
        latencyAvg: avg(s.latencyMs),
        latencyMax: max(s.latencyMs),
        sessionsAvg: avg(s.activeSessions),
        sessionsMax: max(s.activeSessions),
      })
      .from(s)
      .where(and(eq(s.routerId, routerId), gte(s.ts, from), lt(s.ts, to)))
      .groupBy(bucket)
      .orderBy(bucket)
      .all()
      .map((r) => ({
        from: from + r.bucket * bucketMs,
        samples: r.samples,
        failed: r.failed,
        cpuAvg: whole(r.cpuAvg),
        cpuMax: r.cpuMax,
        memoryAvg: whole(r.memoryAvg),
        memoryMax: r.memoryMax,
        latencyAvg: whole(r.latencyAvg),
        latencyMax: r.latencyMax,
        sessionsAvg: whole(r.sessionsAvg),
        sessionsMax: r.sessionsMax,
      }));
  },

  /**
   * The samples in [from, to) where the poll outcome changed (the first one included): outages
   * start at a failed sample and end at the next good one. A window function over the same index.
   */
  outcomeChanges: (routerId: number, from: number, to: number): { ts: number; ok: boolean }[] =>
    orm
      .all<{ ts: number; ok: number }>(
        sql`select ts, ok from (
              select ts, ok, lag(ok) over (order by ts) as prev
              from router_health_samples
              where router_id = ${routerId} and ts >= ${from} and ts < ${to}
            ) where prev is null or prev <> ok order by ts`,
      )
      .map((r) => ({ ts: r.ts, ok: r.ok === 1 })),

  /** Routers by enabled and health status (a router never polled has no health row: null). */
  statusCounts: (): { enabled: boolean; status: HealthState['status'] | null; n: number }[] =>
    orm
      .select({ enabled: routers.enabled, status: routerHealth.status, n: count() })
      .from(routers)
      .leftJoin(routerHealth, eq(routerHealth.routerId, routers.id))
      .groupBy(routers.enabled, routerHealth.status)
      .all(),

  /** The enabled router that most recently went offline or degraded, with its health. */
  latestTrouble: () =>
    orm
      .select({ name: routers.name, health: routerHealth })
      .from(routerHealth)
      .innerJoin(routers, eq(routers.id, routerHealth.routerId))
      .where(and(eq(routers.enabled, true), inArray(routerHealth.status, ['offline', 'degraded'])))
      .orderBy(desc(routerHealth.statusSince))
      .limit(1)
      .get(),

  /**
   * Many samples of one router at once (a history brought in whole: the demo office's months);
   * the caller bounds the batch and holds the transaction.
   */
  importSamples: (routerId: number, samples: readonly HealthSample[]): void => {
    if (samples.length === 0) return;
    orm
      .insert(routerHealthSamples)
      .values(samples.map((s) => ({ ...s, routerId })))
      .run();
  },

  /** When the kept history of one router begins (null: no samples). */
  oldest: (routerId: number): number | null =>
    orm
      .select({ ts: min(routerHealthSamples.ts) })
      .from(routerHealthSamples)
      .where(eq(routerHealthSamples.routerId, routerId))
      .get()?.ts ?? null,
});

export type HealthRepo = ReturnType<typeof createHealthRepo>;
