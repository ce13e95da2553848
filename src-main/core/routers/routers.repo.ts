/**
 * Repository of the `routers` table: all SQL on it lives here. The screen view reads
 * `router_health`, `sync_queue` and `clients` too (joined and counted, never written).
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Router } from '../../contract/schemas/routers';
import type { Orm } from '../db/open-database';
import { clients, routerHealth, routers, syncQueue } from '../db/schema';
import { clientNotArchived } from '../clients/clients.repo';

export type RouterRecord = typeof routers.$inferSelect;
export type RouterValues = Omit<typeof routers.$inferInsert, 'id'>;

/** The settings staff edit, never the password: shown on screen and kept by the log. */
export const routerSettings = (r: RouterRecord) => ({
  name: r.name,
  host: r.host,
  port: r.port,
  tls: r.tls,
  apiUser: r.apiUser,
  pollIntervalSec: r.pollIntervalSec,
  enabled: r.enabled,
  notes: r.notes,
});

export const createRoutersRepo = (orm: Orm) => {
  /** A router with its last health, pending queue items and (non-archived) client count. */
  const viewQuery = () =>
    orm
      .select({
        router: routers,
        health: routerHealth,
        pending: orm.$count(syncQueue, eq(syncQueue.routerId, routers.id)),
        clientCount: orm.$count(clients, and(eq(clients.routerId, routers.id), clientNotArchived)),
      })
      .from(routers)
      .leftJoin(routerHealth, eq(routerHealth.routerId, routers.id));

  type ViewRow = ReturnType<ReturnType<typeof viewQuery>['all']>[number];

  const toRouter = ({ router: r, health: h, pending, clientCount }: ViewRow): Router => ({
    id: r.id,
    ...routerSettings(r),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    status: r.enabled ? (h?.status ?? 'unknown') : 'unknown',
    statusSince: h?.statusSince ?? null,
    lastSeenAt: h?.lastSeenAt ?? null,
    lastError: h?.lastError ?? null,
    identity: h?.identity ?? null,
    version: h?.version ?? null,
    board: h?.board ?? null,
    uptimeSec: h?.uptimeSec ?? null,
    cpuLoad: h?.cpuLoad ?? null,
    memoryUsedPct: h?.memoryUsedPct ?? null,
    activeSessions: h?.activeSessions ?? null,
    latencyMs: h?.latencyMs ?? null,
    flapping: h?.flapping ?? false,
    pendingChanges: pending,
    clientCount,
  });

  return {
    byId: (id: number): RouterRecord | undefined =>
      orm.select().from(routers).where(eq(routers.id, id)).get(),
    /** Every router's id and name, by name: what client screens show (no health, no host). */
    names: (): { id: number; name: string }[] =>
      orm
        .select({ id: routers.id, name: routers.name })
        .from(routers)
        .orderBy(asc(sql`${routers.name} COLLATE NOCASE`))
        .all(),
    /** The router of this name, in any letter case (names are unique regardless of case). */
    idByName: (name: string): number | undefined =>
      orm
        .select({ id: routers.id })
        .from(routers)
        .where(sql`lower(${routers.name}) = lower(${name})`)
        .get()?.id,
    /** Whether a router with this id exists (disabled ones included). */
    exists: (id: number): boolean =>
      orm.select({ id: routers.id }).from(routers).where(eq(routers.id, id)).get() !== undefined,
    enabled: (): RouterRecord[] =>
      orm.select().from(routers).where(eq(routers.enabled, true)).all(),
    /** Each enabled router's id and poll interval: what the health job's tick looks at. */
    enabledSchedules: (): { id: number; pollIntervalSec: number }[] =>
      orm
        .select({ id: routers.id, pollIntervalSec: routers.pollIntervalSec })
        .from(routers)
        .where(eq(routers.enabled, true))
        .all(),
    all: (): RouterRecord[] => orm.select().from(routers).all(),
    /** Every router's id, disabled ones included. */
    ids: (): number[] =>
      orm
        .select({ id: routers.id })
        .from(routers)
        .all()
        .map((r) => r.id),
    list: (): Router[] =>
      viewQuery()
        .orderBy(asc(sql`${routers.name} COLLATE NOCASE`))
        .all()
        .map(toRouter),
    view: (id: number): Router | undefined => {
      const row = viewQuery().where(eq(routers.id, id)).get();
      return row ? toRouter(row) : undefined;
    },
    nameTaken: (name: string, exceptId = 0): boolean =>
      orm
        .select({ id: routers.id })
        .from(routers)
        .where(and(sql`lower(${routers.name}) = lower(${name})`, ne(routers.id, exceptId)))
        .get() !== undefined,
    insert: (values: RouterValues): RouterRecord =>
      orm.insert(routers).values(values).returning().get(),
    update: (id: number, values: Partial<RouterValues>): RouterRecord =>
      orm.update(routers).set(values).where(eq(routers.id, id)).returning().get(),
    delete: (id: number): void => {
      orm.delete(routers).where(eq(routers.id, id)).run();
    },
  };
};

export type RoutersRepo = ReturnType<typeof createRoutersRepo>;
