import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const staff = sqliteTable('staff', {
  id: integer().primaryKey({ autoIncrement: true }),
  /** Stored lower-case; unique. */
  username: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: ['administrator', 'cashier', 'technician', 'viewer'] }).notNull(),
  /** `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: text().notNull(),
  mustChangePassword: integer({ mode: 'boolean' }).notNull().default(false),
  disabled: integer({ mode: 'boolean' }).notNull().default(false),
  /** Consecutive failed logins; reset by a successful login or an unlock. */
  failedLogins: integer().notNull().default(0),
  lockedUntil: integer(),
  lastLoginAt: integer(),
  createdAt: integer().notNull(),
  updatedAt: integer().notNull(),
  passwordChangedAt: integer().notNull(),
});

export const sessions = sqliteTable('sessions', {
  /** Public id, shown in session lists; not a credential. */
  id: text().primaryKey(),
  /** SHA-256 of the bearer token: a copied database file does not yield usable sessions. */
  tokenHash: text().notNull().unique(),
  staffId: integer()
    .notNull()
    .references(() => staff.id),
  createdAt: integer().notNull(),
  lastSeenAt: integer().notNull(),
  absoluteExpiresAt: integer().notNull(),
  ip: text().notNull(),
  workstation: text(),
  endedAt: integer(),
  endReason: text(),
});

export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: integer()
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
