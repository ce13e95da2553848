/**
 * Repository of `router_health` (each router's current state) and `router_health_samples`
 * (bounded history for the charts): all SQL on these two tables lives here.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { HealthSample } from '../../contract/schemas/routers';
import type { Orm } from '../db/open-database';
import { routerHealth, routerHealthSamples } from '../db/schema';

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
});

export type HealthRepo = ReturnType<typeof createHealthRepo>;
