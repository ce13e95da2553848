/**
 * Repository of the `sessions` table: all SQL on it lives here (`staff` is joined for names and
 * the disabled flag, never written).
 */
import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { sessions, staff } from '../db/schema';

export type SessionRecord = typeof sessions.$inferSelect;
export type SessionWithStaff = SessionRecord & { username: string; displayName: string };

const withStaff = {
  id: sessions.id,
  tokenHash: sessions.tokenHash,
  staffId: sessions.staffId,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  absoluteExpiresAt: sessions.absoluteExpiresAt,
  ip: sessions.ip,
  workstation: sessions.workstation,
  endedAt: sessions.endedAt,
  endReason: sessions.endReason,
  username: staff.username,
  displayName: staff.displayName,
};

export const createSessionsRepo = (orm: Orm) => ({
  insert: (row: typeof sessions.$inferInsert): void => {
    orm.insert(sessions).values(row).run();
  },

  byTokenHash: (tokenHash: string): SessionRecord | undefined =>
    orm.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get(),

  byId: (id: string): SessionWithStaff | undefined =>
    orm
      .select(withStaff)
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(eq(sessions.id, id))
      .get(),

  /** Sessions not yet ended (some may have run out of time and await the sweeper). */
  open: (staffId?: number): SessionWithStaff[] =>
    orm
      .select(withStaff)
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(
        and(
          isNull(sessions.endedAt),
          staffId === undefined ? undefined : eq(sessions.staffId, staffId),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt))
      .all(),

  /** Open sessions past their idle or absolute limit at `now`. */
  timedOut: (now: number, idleTimeoutMs: number): SessionWithStaff[] =>
    orm
      .select(withStaff)
      .from(sessions)
      .innerJoin(staff, eq(staff.id, sessions.staffId))
      .where(
        and(
          isNull(sessions.endedAt),
          or(
            lte(sessions.absoluteExpiresAt, now),
            lte(sessions.lastSeenAt, sql`${now - idleTimeoutMs}`),
          ),
        ),
      )
      .all(),

  touch: (id: string, now: number): void => {
    orm.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
  },

  end: (id: string, now: number, reason: string): void => {
    orm
      .update(sessions)
      .set({ endedAt: now, endReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
      .run();
  },
});

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
