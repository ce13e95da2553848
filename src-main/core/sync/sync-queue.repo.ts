import type { QueueItem } from '../../contract/schemas/sync';
import { and, asc, count, eq, gt, lte, max, min, sql } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { clients, plans, routers, syncQueue } from '../db/schema';

export type Subject = 'client' | 'plan';

export type EnqueueInput = {
  routerId: number;
  subject: Subject;
  subjectId: number;
  staleName: string | null;
  correlationId: string;
  reason: string;
  now: number;
};

/** All waiting work for one (router, client or plan), applied together: the newest state wins. */
export type DueGroup = {
  routerId: number;
  subject: Subject;
  subjectId: number;
  /** The newest item covered; items added after the group was read wait for the next pass. */
  lastId: number;
  attempts: number;
  needsKick: boolean;
  staleNames: string[];
};

export type GroupItem = {
  id: number;
  correlationId: string;
  reason: string;
  lastError: string | null;
};

/** One (router, subject) key: every item of a subject on a router is applied together. */
const keyOf = (k: { routerId: number; subject: Subject; subjectId: number }) =>
  and(
    eq(syncQueue.routerId, k.routerId),
    eq(syncQueue.subject, k.subject),
    eq(syncQueue.subjectId, k.subjectId),
  );

const filterOf = (f: { routerId?: number; clientId?: number }) =>
  and(
    f.routerId === undefined ? undefined : eq(syncQueue.routerId, f.routerId),
    f.clientId === undefined
      ? undefined
      : and(eq(syncQueue.subject, 'client'), eq(syncQueue.subjectId, f.clientId)),
  );

/**
 * Repository of `sync_queue`, the durable outbox of router work: all SQL on it lives here
 * (`routers`, `clients` and `plans` are only read, for labels and the enabled flag). Writes must
 * run inside the caller's write transaction.
 */
export const createSyncQueueRepo = (orm: Orm) => {
  const inTx = () => {
    if (!orm.$client.inTransaction) throw new Error('sync_queue written outside a transaction');
  };

  return {
    enqueue: (i: EnqueueInput): void => {
      inTx();
      orm
        .insert(syncQueue)
        .values({
          routerId: i.routerId,
          subject: i.subject,
          subjectId: i.subjectId,
          staleName: i.staleName,
          correlationId: i.correlationId,
          reason: i.reason,
          nextAttemptAt: i.now,
          createdAt: i.now,
        })
        .run();
      // A fresh change retries the subject now: earlier items of it may be backing off.
      orm.update(syncQueue).set({ nextAttemptAt: i.now }).where(keyOf(i)).run();
    },
    due: (now: number): DueGroup[] =>
      orm
        .select({
          routerId: syncQueue.routerId,
          subject: syncQueue.subject,
          subjectId: syncQueue.subjectId,
          lastId: max(syncQueue.id).mapWith(Number),
          attempts: max(syncQueue.attempts).mapWith(Number),
          needsKick: sql<number>`max(${syncQueue.needsKick})`.mapWith(Number),
          staleNames: sql<string | null>`group_concat(DISTINCT ${syncQueue.staleName})`,
        })
        .from(syncQueue)
        .innerJoin(routers, and(eq(routers.id, syncQueue.routerId), eq(routers.enabled, true)))
        .groupBy(syncQueue.routerId, syncQueue.subject, syncQueue.subjectId)
        .having(lte(min(syncQueue.nextAttemptAt), now))
        .orderBy(min(syncQueue.id))
        .all()
        .map((r) => ({
          ...r,
          needsKick: r.needsKick === 1,
          staleNames: r.staleNames === null ? [] : r.staleNames.split(','),
        })),
    items: (g: DueGroup): GroupItem[] =>
      orm
        .select({
          id: syncQueue.id,
          correlationId: syncQueue.correlationId,
          reason: syncQueue.reason,
          lastError: syncQueue.lastError,
        })
        .from(syncQueue)
        .where(and(keyOf(g), lte(syncQueue.id, g.lastId)))
        .orderBy(asc(syncQueue.id))
        .all(),
    complete: (g: DueGroup): void => {
      inTx();
      orm
        .delete(syncQueue)
        .where(and(keyOf(g), lte(syncQueue.id, g.lastId)))
        .run();
    },
    fail: (
      g: DueGroup,
      f: { error: string; now: number; nextAttemptAt: number; needsKick: boolean },
    ): void => {
      inTx();
      orm
        .update(syncQueue)
        .set({
          attempts: sql`${syncQueue.attempts} + 1`,
          lastError: f.error,
          lastAttemptAt: f.now,
          nextAttemptAt: f.nextAttemptAt,
          needsKick: sql`max(${syncQueue.needsKick}, ${f.needsKick ? 1 : 0})`,
        })
        .where(and(keyOf(g), lte(syncQueue.id, g.lastId)))
        .run();
    },
    list: (f: { routerId?: number; clientId?: number; limit: number }): QueueItem[] =>
      orm
        .select({
          id: syncQueue.id,
          routerId: syncQueue.routerId,
          routerName: routers.name,
          subject: syncQueue.subject,
          subjectId: syncQueue.subjectId,
          subjectLabel: sql<string | null>`CASE ${syncQueue.subject}
            WHEN 'client' THEN ${clients.accountNo} || ' ' || ${clients.fullName}
            ELSE ${plans.name} END`,
          reason: syncQueue.reason,
          correlationId: syncQueue.correlationId,
          attempts: syncQueue.attempts,
          lastError: syncQueue.lastError,
          lastAttemptAt: syncQueue.lastAttemptAt,
          nextAttemptAt: syncQueue.nextAttemptAt,
          createdAt: syncQueue.createdAt,
        })
        .from(syncQueue)
        .innerJoin(routers, eq(routers.id, syncQueue.routerId))
        .leftJoin(
          clients,
          and(eq(syncQueue.subject, 'client'), eq(clients.id, syncQueue.subjectId)),
        )
        .leftJoin(plans, and(eq(syncQueue.subject, 'plan'), eq(plans.id, syncQueue.subjectId)))
        .where(filterOf(f))
        .orderBy(asc(syncQueue.id))
        .limit(f.limit)
        .all()
        .map((r) => ({
          ...r,
          subjectLabel: r.subjectLabel ?? `${r.subject} ${String(r.subjectId)}`,
        })),
    /** Everything waiting, and how much of it has failed at least once (one aggregate). */
    waiting: (): { waiting: number; failing: number } => {
      const r = orm
        .select({
          waiting: count(),
          failing: sql<number>`coalesce(sum(case when ${syncQueue.attempts} > 0 then 1 else 0 end), 0)`,
        })
        .from(syncQueue)
        .get();
      return { waiting: r?.waiting ?? 0, failing: r?.failing ?? 0 };
    },
    count: (f: { routerId?: number; clientId?: number }): number =>
      orm.select({ n: count() }).from(syncQueue).where(filterOf(f)).get()?.n ?? 0,
    /** Makes waiting work due now; returns how many items were rescheduled. */
    retryNow: (f: { itemId?: number; routerId?: number }, now: number): number => {
      if (f.itemId !== undefined) {
        // The whole subject the item belongs to, as the worker applies it together.
        const item = orm
          .select({
            routerId: syncQueue.routerId,
            subject: syncQueue.subject,
            subjectId: syncQueue.subjectId,
          })
          .from(syncQueue)
          .where(eq(syncQueue.id, f.itemId))
          .get();
        if (!item) return 0;
        return orm.update(syncQueue).set({ nextAttemptAt: now }).where(keyOf(item)).run().changes;
      }
      return orm
        .update(syncQueue)
        .set({ nextAttemptAt: now })
        .where(
          and(
            f.routerId === undefined ? undefined : eq(syncQueue.routerId, f.routerId),
            gt(syncQueue.nextAttemptAt, now),
          ),
        )
        .run().changes;
    },
  };
};

export type SyncQueueRepo = ReturnType<typeof createSyncQueueRepo>;
