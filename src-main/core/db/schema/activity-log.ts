import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The append-only audit trail. `id` follows time order and is what searches sort and page by.
 * The FTS5 index, its trigger and the append-only guards live in migrations/0001 (drizzle cannot
 * model virtual tables). `row_hash` chains every entry to the one before it (see README).
 */
export const activityLog = sqliteTable(
  'activity_log',
  {
    id: integer().primaryKey(),
    ts: integer().notNull(),
    type: text({ enum: ['system', 'user', 'administrative'] }).notNull(),
    category: text().notNull(),
    event: text().notNull(),
    outcome: text({ enum: ['success', 'failure'] }).notNull(),
    actorId: integer(),
    actorName: text(),
    ip: text(),
    workstation: text(),
    description: text().notNull(),
    targetType: text(),
    targetId: text(),
    targetLabel: text(),
    clientId: integer(),
    routerId: integer(),
    /** JSON text exactly as hashed; secrets already redacted. */
    details: text(),
    correlationId: text(),
    rowHash: blob({ mode: 'buffer' }).notNull(),
    /**
     * Filter values as FTS tokens (ty_user ca_authentication ev_auth_login_failed oc_failure ac_3
     * ip_10_0_0_1), so that a filter and a word intersect inside the FTS index instead of in a
     * join. VIRTUAL: it costs no space in the table.
     */
    tags: text().generatedAlwaysAs(
      sql`'ty_' || type || ' ca_' || category || ' ev_' || replace(event, '.', '_') || ' oc_' || outcome || ' ac_' || coalesce(actor_id, 'none') || coalesce(' ip_' || replace(replace(ip, '.', '_'), ':', '_'), '')`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    index('activity_log_ts_idx').on(t.ts),
    index('activity_log_client_idx')
      .on(t.clientId)
      .where(sql`client_id IS NOT NULL`),
    index('activity_log_router_idx')
      .on(t.routerId)
      .where(sql`router_id IS NOT NULL`),
    index('activity_log_correlation_idx')
      .on(t.correlationId)
      .where(sql`correlation_id IS NOT NULL`),
  ],
);
