import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { plans } from './plans';

/**
 * Subscribers. `balance` is a cache of SUM(ledger_entries.amount) kept by a trigger on the
 * ledger (migrations/…_billing_triggers.sql): no code writes it. `expires_at` is always set: a
 * new client who has not paid yet expires at sign-up, with status `awaiting_payment`. The full-text index `clients_fts` and its
 * triggers live in the same custom migration.
 */
export const clients = sqliteTable(
  'clients',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    accountNo: text().notNull().unique(),
    fullName: text().notNull(),
    phone: text().notNull(),
    email: text(),
    address: text(),
    gpsLat: real(),
    gpsLng: real(),
    serviceType: text({ enum: ['pppoe', 'hotspot'] }).notNull(),
    serviceLogin: text().notNull(),
    /** AES-256-GCM box (see shared/secret-box.ts); never logged, never exported. */
    servicePasswordBox: text().notNull(),
    staticIp: text(),
    mac: text(),
    planId: integer()
      .notNull()
      .references(() => plans.id),
    /** The router the client is served by; the routers table belongs to the router feature. */
    routerId: integer(),
    /** `awaiting_payment`: signed up and never paid (see contract/schemas/clients.ts). */
    status: text({
      enum: ['active', 'awaiting_payment', 'expired', 'suspended', 'disabled', 'archived'],
    }).notNull(),
    /** Status to go back to when an archived client is restored. */
    statusBeforeArchive: text({
      enum: ['active', 'awaiting_payment', 'expired', 'suspended', 'disabled'],
    }),
    expiresAt: integer().notNull(),
    balance: integer().notNull().default(0),
    notes: text().notNull().default(''),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
    archivedAt: integer(),
    /** Sort key for names; VIRTUAL, so it costs nothing but its index. */
    nameKey: text().generatedAlwaysAs(sql`lower(full_name)`, { mode: 'virtual' }),
    /** Service logins are unique regardless of case. */
    loginKey: text().generatedAlwaysAs(sql`lower(service_login)`, { mode: 'virtual' }),
  },
  (t) => [
    uniqueIndex('clients_login_key_uq').on(t.loginKey),
    uniqueIndex('clients_static_ip_uq')
      .on(t.staticIp)
      .where(sql`static_ip IS NOT NULL AND status <> 'archived'`),
    // One index per sort key, and per (status, sort key): list pages walk an index in order.
    // The trailing filter columns let a walk test filters without reading the table row.
    index('clients_name_idx').on(t.nameKey, t.id, t.status, t.planId, t.routerId, t.expiresAt),
    index('clients_status_name_idx').on(
      t.status,
      t.nameKey,
      t.id,
      t.planId,
      t.routerId,
      t.expiresAt,
    ),
    index('clients_expires_idx').on(t.expiresAt, t.id, t.status, t.planId, t.routerId),
    index('clients_status_expires_idx').on(t.status, t.expiresAt, t.id, t.planId, t.routerId),
    index('clients_balance_idx').on(t.balance, t.id, t.status, t.planId, t.routerId, t.expiresAt),
    index('clients_status_balance_idx').on(
      t.status,
      t.balance,
      t.id,
      t.planId,
      t.routerId,
      t.expiresAt,
    ),
    index('clients_status_id_idx').on(t.status, t.id, t.planId, t.routerId, t.expiresAt),
    index('clients_plan_idx').on(t.planId, t.status, t.routerId, t.expiresAt),
    index('clients_router_idx')
      .on(t.routerId, t.status, t.planId, t.expiresAt)
      .where(sql`router_id IS NOT NULL`),
    index('clients_phone_idx').on(t.phone),
  ],
);

/**
 * Clients per status, kept by triggers on `clients` (migrations/…_client_status_counts.sql) in
 * the same transaction as every client write: the dashboard reads five rows here instead of
 * counting a million index entries. Only the triggers write it.
 */
export const clientStatusCounts = sqliteTable('client_status_counts', {
  status: text({ enum: ['active', 'expired', 'suspended', 'disabled', 'archived'] }).primaryKey(),
  n: integer().notNull(),
});
