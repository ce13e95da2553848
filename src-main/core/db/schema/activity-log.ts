import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The append-only audit trail. `id` follows time order and is what searches sort and page by.
 * The FTS5 index, its trigger and the append-only guards live in migrations/0001 (drizzle cannot
 * model virtual tables). There is no index on `ts`: the recorder keeps ts non-decreasing in id
 * order, so a date becomes an id by binary search over the primary key (see search-plan.ts). `row_hash` chains every entry to the one before it (see README).
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
     * ip_10_0_0_1 n8_10 n16_10_0 n24_10_0_0), so that a filter and a word intersect inside the
     * FTS index instead of in a join. The network tokens answer dotted prefixes and CIDR blocks
     * with exact terms (FTS5 prefix queries would merge every address's doclist first).
     * VIRTUAL: it costs no space in the table.
     */
    tags: text().generatedAlwaysAs(
      sql`'ty_' || type || ' ca_' || category || ' ev_' || replace(event, '.', '_') || ' oc_' || outcome || ' ac_' || coalesce(actor_id, 'none') || coalesce(' ip_' || replace(replace(ip, '.', '_'), ':', '_'), '') || CASE WHEN ip GLOB '[0-9]*.[0-9]*.[0-9]*.[0-9]*' THEN ' n8_' || substr(ip, 1, instr(ip, '.') - 1) || ' n16_' || replace(substr(ip, 1, (instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) - 1), '.', '_') || ' n24_' || replace(substr(ip, 1, ((instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) + instr(substr(ip, (instr(ip, '.') + instr(substr(ip, instr(ip, '.') + 1), '.')) + 1), '.')) - 1), '.', '_') ELSE '' END`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    index('activity_log_client_idx')
      .on(t.clientId)
      .where(sql`client_id IS NOT NULL`),
    index('activity_log_router_idx')
      .on(t.routerId)
      .where(sql`router_id IS NOT NULL`),
  ],
);
