import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What the office sells. A plan maps to a RouterOS profile; price is in integer minor units of
 * the configured currency. A plan that any client or ledger entry refers to is never deleted,
 * only retired (`active = false`: no new clients, existing ones keep renewing).
 */
export const plans = sqliteTable(
  'plans',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull().unique(),
    serviceType: text({ enum: ['pppoe', 'hotspot'] }).notNull(),
    rateDownKbps: integer().notNull(),
    rateUpKbps: integer().notNull(),
    burstDownKbps: integer(),
    burstUpKbps: integer(),
    burstThresholdDownKbps: integer(),
    burstThresholdUpKbps: integer(),
    burstTimeSeconds: integer(),
    price: integer().notNull(),
    validityUnit: text({ enum: ['days', 'months'] }).notNull(),
    validityCount: integer().notNull(),
    routerProfile: text().notNull(),
    expiryAction: text({ enum: ['isolate', 'disable'] }).notNull(),
    isolationProfile: text(),
    isolationAddressList: text(),
    graceDays: integer().notNull().default(0),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('plans_active_idx').on(t.active, t.name)],
);
