import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * MikroTik routers the office manages. The API password is an AES-256-GCM box (purpose
 * `router.api_password`, key file `secret.key` in the data folder; see shared/secret-box.ts).
 * `port` null means the default for the transport (8728, or 8729 with API-SSL).
 */
export const routers = sqliteTable('routers', {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  host: text().notNull(),
  port: integer(),
  tls: text({ enum: ['off', 'anonymous', 'insecure'] }).notNull(),
  apiUser: text().notNull(),
  passwordBox: text().notNull(),
  pollIntervalSec: integer().notNull(),
  enabled: integer({ mode: 'boolean' }).notNull().default(true),
  notes: text().notNull().default(''),
  createdAt: integer().notNull(),
  updatedAt: integer().notNull(),
});

/** What the health monitor last saw of each router (one row per router, updated per poll). */
export const routerHealth = sqliteTable('router_health', {
  routerId: integer()
    .primaryKey()
    .references(() => routers.id, { onDelete: 'cascade' }),
  status: text({ enum: ['unknown', 'online', 'offline', 'degraded'] }).notNull(),
  statusSince: integer().notNull(),
  lastPollAt: integer(),
  lastSeenAt: integer(),
  lastError: text(),
  identity: text(),
  version: text(),
  board: text(),
  uptimeSec: integer(),
  cpuLoad: integer(),
  memoryUsedPct: integer(),
  activeSessions: integer(),
  latencyMs: integer(),
  consecutiveFailures: integer().notNull().default(0),
  flapping: integer({ mode: 'boolean' }).notNull().default(false),
  cpuHigh: integer({ mode: 'boolean' }).notNull().default(false),
  memoryHigh: integer({ mode: 'boolean' }).notNull().default(false),
});

/** A bounded history for the router page's charts: at most one sample per router per bucket. */
export const routerHealthSamples = sqliteTable(
  'router_health_samples',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    routerId: integer()
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    ts: integer().notNull(),
    ok: integer({ mode: 'boolean' }).notNull(),
    latencyMs: integer(),
    cpuLoad: integer(),
    memoryUsedPct: integer(),
    activeSessions: integer(),
    uptimeSec: integer(),
  },
  (t) => [index('router_health_samples_router_ts_idx').on(t.routerId, t.ts)],
);

/**
 * The durable outbox of router work. A row says "make router R match the database for this
 * client (or plan)"; the worker reads the desired state when it applies it, so applying twice
 * changes nothing. Rows are written in the same transaction as the change that caused them and
 * deleted once applied (the activity log keeps the history).
 */
export const syncQueue = sqliteTable(
  'sync_queue',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    routerId: integer()
      .notNull()
      .references(() => routers.id, { onDelete: 'cascade' }),
    subject: text({ enum: ['client', 'plan'] }).notNull(),
    subjectId: integer().notNull(),
    /** A login the client used to have on this router (renamed or moved away): removed there. */
    staleName: text(),
    /** The user action (or job run) that caused this work; pushes are logged under it. */
    correlationId: text().notNull(),
    reason: text().notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Changes reached the router but the active session was not kicked yet. */
    needsKick: integer({ mode: 'boolean' }).notNull().default(false),
    nextAttemptAt: integer().notNull(),
    lastAttemptAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('sync_queue_subject_idx').on(t.routerId, t.subject, t.subjectId, t.id),
    index('sync_queue_due_idx').on(t.nextAttemptAt),
  ],
);
