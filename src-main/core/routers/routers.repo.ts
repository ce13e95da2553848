import { eq } from 'drizzle-orm';
import type { Router } from '../../contract/schemas/routers';
import type { Orm, Sqlite } from '../db/open-database';
import { routers } from '../db/schema';

export type RouterRecord = typeof routers.$inferSelect;
export type RouterValues = Omit<typeof routers.$inferInsert, 'id'>;

type ViewRow = {
  id: number;
  name: string;
  host: string;
  port: number | null;
  tls: Router['tls'];
  api_user: string;
  poll_interval_sec: number;
  enabled: number;
  notes: string;
  created_at: number;
  updated_at: number;
  status: Router['status'] | null;
  status_since: number | null;
  last_seen_at: number | null;
  last_error: string | null;
  identity: string | null;
  version: string | null;
  board: string | null;
  uptime_sec: number | null;
  cpu_load: number | null;
  memory_used_pct: number | null;
  active_sessions: number | null;
  latency_ms: number | null;
  flapping: number | null;
  pending: number;
  client_count: number;
};

const VIEW_SQL = `
  SELECT r.id, r.name, r.host, r.port, r.tls, r.api_user, r.poll_interval_sec, r.enabled, r.notes,
         r.created_at, r.updated_at, h.status, h.status_since, h.last_seen_at, h.last_error,
         h.identity, h.version, h.board, h.uptime_sec, h.cpu_load, h.memory_used_pct,
         h.active_sessions, h.latency_ms, h.flapping,
         (SELECT count(*) FROM sync_queue q WHERE q.router_id = r.id) AS pending,
         (SELECT count(*) FROM clients c
           WHERE c.router_id = r.id AND c.status <> 'archived') AS client_count
    FROM routers r LEFT JOIN router_health h ON h.router_id = r.id`;

const toRouter = (r: ViewRow): Router => ({
  id: r.id,
  name: r.name,
  host: r.host,
  port: r.port,
  tls: r.tls,
  apiUser: r.api_user,
  pollIntervalSec: r.poll_interval_sec,
  enabled: r.enabled === 1,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  status: r.enabled === 1 ? (r.status ?? 'unknown') : 'unknown',
  statusSince: r.status_since,
  lastSeenAt: r.last_seen_at,
  lastError: r.last_error,
  identity: r.identity,
  version: r.version,
  board: r.board,
  uptimeSec: r.uptime_sec,
  cpuLoad: r.cpu_load,
  memoryUsedPct: r.memory_used_pct,
  activeSessions: r.active_sessions,
  latencyMs: r.latency_ms,
  flapping: r.flapping === 1,
  pendingChanges: r.pending,
  clientCount: r.client_count,
});

/** Router rows (drizzle) and the screen view with health, queue and client counts (SQL). */
export const createRoutersRepo = (orm: Orm, sqlite: Sqlite) => {
  const viewAll = sqlite.prepare<[], ViewRow>(`${VIEW_SQL} ORDER BY r.name COLLATE NOCASE`);
  const viewOne = sqlite.prepare<[number], ViewRow>(`${VIEW_SQL} WHERE r.id = ?`);
  const nameTaken = sqlite.prepare<[string, number], { id: number }>(
    'SELECT id FROM routers WHERE lower(name) = lower(?) AND id <> ?',
  );
  const clientsOn = sqlite.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM clients WHERE router_id = ? AND status <> 'archived'",
  );
  const pendingOn = sqlite.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM sync_queue WHERE router_id = ?',
  );
  return {
    byId: (id: number): RouterRecord | undefined =>
      orm.select().from(routers).where(eq(routers.id, id)).get(),
    enabled: (): RouterRecord[] =>
      orm.select().from(routers).where(eq(routers.enabled, true)).all(),
    all: (): RouterRecord[] => orm.select().from(routers).all(),
    list: (): Router[] => viewAll.all().map(toRouter),
    view: (id: number): Router | undefined => {
      const row = viewOne.get(id);
      return row ? toRouter(row) : undefined;
    },
    nameTaken: (name: string, exceptId = 0): boolean => nameTaken.get(name, exceptId) !== undefined,
    clientCount: (id: number): number => clientsOn.get(id)?.n ?? 0,
    pendingCount: (id: number): number => pendingOn.get(id)?.n ?? 0,
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
