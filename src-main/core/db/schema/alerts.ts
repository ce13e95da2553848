import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Alerts raised by the rules over the activity log (core/alerts). Repeats of one finding group
 * into one row (count, first and last time) until it is resolved.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    rule: text().notNull(),
    severity: text({ enum: ['critical', 'high', 'medium', 'low'] }).notNull(),
    /** What repeats group on within a rule (`account:maria`, `router:3`, …). */
    groupKey: text().notNull(),
    title: text().notNull(),
    status: text({ enum: ['open', 'acknowledged', 'resolved'] }).notNull(),
    firstAt: integer().notNull(),
    lastAt: integer().notNull(),
    count: integer().notNull(),
    /** JSON array of the ids of the entries that raised it (the first 100). */
    entryIds: text().notNull(),
    /** JSON ActivityFilter that opens those entries in the Activity Log screen. */
    pivot: text().notNull(),
    note: text(),
    acknowledgedBy: text(),
    acknowledgedAt: integer(),
    resolvedBy: text(),
    resolvedAt: integer(),
  },
  (t) => [
    index('alerts_group_idx').on(t.rule, t.groupKey, t.status),
    index('alerts_status_idx').on(t.status, t.lastAt),
  ],
);

/** Per-rule counting windows (failures per account, refunds per staff per day, …). */
export const alertRuleState = sqliteTable(
  'alert_rule_state',
  {
    rule: text().notNull(),
    key: text().notNull(),
    windowStart: integer().notNull(),
    count: integer().notNull(),
    amount: integer().notNull(),
    /** JSON: the window's entry ids and what the rule keeps beside them. */
    data: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rule, t.key] }),
    index('alert_rule_state_window_idx').on(t.windowStart),
  ],
);

/** The addresses each staff member has signed in from (the "new source" rule). */
export const alertKnownSources = sqliteTable(
  'alert_known_sources',
  {
    staffId: integer().notNull(),
    address: text().notNull(),
    firstSeen: integer().notNull(),
    lastSeen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.address] })],
);

/** The send log of alert emails to the owner: one row per alert mail, with its attempts. */
export const alertEmails = sqliteTable(
  'alert_emails',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    alertId: integer().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    status: text({ enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: integer().notNull(),
    nextAttemptAt: integer(),
    sentAt: integer(),
  },
  (t) => [index('alert_emails_status_idx').on(t.status, t.nextAttemptAt)],
);
