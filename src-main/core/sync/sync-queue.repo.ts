import type { QueueItem } from '../../contract/schemas/sync';
import type { Sqlite } from '../db/open-database';

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

type GroupRow = {
  router_id: number;
  subject: Subject;
  subject_id: number;
  last_id: number;
  attempts: number;
  needs_kick: number;
  stale_names: string | null;
};

type ItemRow = {
  id: number;
  router_id: number;
  router_name: string;
  subject: Subject;
  subject_id: number;
  subject_label: string | null;
  reason: string;
  correlation_id: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: number | null;
  next_attempt_at: number;
  created_at: number;
};

const KEY = 'router_id = ? AND subject = ? AND subject_id = ?';

/** The durable outbox (`sync_queue`). Writes must run inside the caller's write transaction. */
export const createSyncQueueRepo = (sqlite: Sqlite) => {
  const insert = sqlite.prepare(
    `INSERT INTO sync_queue (router_id, subject, subject_id, stale_name, correlation_id, reason,
       next_attempt_at, created_at)
     VALUES (@routerId, @subject, @subjectId, @staleName, @correlationId, @reason, @now, @now)`,
  );
  // A fresh change retries the subject now: earlier items of it may be backing off.
  const wakeSubject = sqlite.prepare(`UPDATE sync_queue SET next_attempt_at = ? WHERE ${KEY}`);
  const due = sqlite.prepare<[number], GroupRow>(
    `SELECT q.router_id, q.subject, q.subject_id, max(q.id) AS last_id,
            max(q.attempts) AS attempts, max(q.needs_kick) AS needs_kick,
            group_concat(DISTINCT q.stale_name) AS stale_names
       FROM sync_queue q JOIN routers r ON r.id = q.router_id AND r.enabled = 1
      GROUP BY q.router_id, q.subject, q.subject_id
     HAVING min(q.next_attempt_at) <= ?
      ORDER BY min(q.id)`,
  );
  const items = sqlite.prepare<
    [number, Subject, number, number],
    { id: number; correlation_id: string; reason: string; last_error: string | null }
  >(
    `SELECT id, correlation_id, reason, last_error FROM sync_queue
      WHERE ${KEY} AND id <= ? ORDER BY id`,
  );
  const complete = sqlite.prepare(`DELETE FROM sync_queue WHERE ${KEY} AND id <= ?`);
  const fail = sqlite.prepare(
    `UPDATE sync_queue SET attempts = attempts + 1, last_error = ?, last_attempt_at = ?,
            next_attempt_at = ?, needs_kick = max(needs_kick, ?)
      WHERE ${KEY} AND id <= ?`,
  );
  type Filter = { router: number | null; client: number | null };
  const list = sqlite.prepare<[Filter & { limit: number }], ItemRow>(
    `SELECT q.id, q.router_id, r.name AS router_name, q.subject, q.subject_id,
            CASE q.subject WHEN 'client' THEN c.account_no || ' ' || c.full_name ELSE p.name END
              AS subject_label,
            q.reason, q.correlation_id, q.attempts, q.last_error, q.last_attempt_at,
            q.next_attempt_at, q.created_at
       FROM sync_queue q JOIN routers r ON r.id = q.router_id
       LEFT JOIN clients c ON q.subject = 'client' AND c.id = q.subject_id
       LEFT JOIN plans p ON q.subject = 'plan' AND p.id = q.subject_id
      WHERE (@router IS NULL OR q.router_id = @router)
        AND (@client IS NULL OR (q.subject = 'client' AND q.subject_id = @client))
      ORDER BY q.id LIMIT @limit`,
  );
  const count = sqlite.prepare<[Filter], { n: number }>(
    `SELECT count(*) AS n FROM sync_queue q
      WHERE (@router IS NULL OR q.router_id = @router)
        AND (@client IS NULL OR (q.subject = 'client' AND q.subject_id = @client))`,
  );
  const retryItem = sqlite.prepare(
    `UPDATE sync_queue SET next_attempt_at = ?
      WHERE (router_id, subject, subject_id) IN
            (SELECT router_id, subject, subject_id FROM sync_queue WHERE id = ?)`,
  );
  const retryRouter = sqlite.prepare<[{ now: number; router: number }]>(
    'UPDATE sync_queue SET next_attempt_at = @now WHERE router_id = @router AND next_attempt_at > @now',
  );
  const retryAll = sqlite.prepare<[{ now: number }]>(
    'UPDATE sync_queue SET next_attempt_at = @now WHERE next_attempt_at > @now',
  );

  const inTx = () => {
    if (!sqlite.inTransaction) throw new Error('sync_queue written outside a transaction');
  };

  return {
    enqueue: (i: EnqueueInput): void => {
      inTx();
      insert.run(i);
      wakeSubject.run(i.now, i.routerId, i.subject, i.subjectId);
    },
    due: (now: number): DueGroup[] =>
      due.all(now).map((r) => ({
        routerId: r.router_id,
        subject: r.subject,
        subjectId: r.subject_id,
        lastId: r.last_id,
        attempts: r.attempts,
        needsKick: r.needs_kick === 1,
        staleNames: r.stale_names === null ? [] : r.stale_names.split(','),
      })),
    items: (g: DueGroup): GroupItem[] =>
      items.all(g.routerId, g.subject, g.subjectId, g.lastId).map((r) => ({
        id: r.id,
        correlationId: r.correlation_id,
        reason: r.reason,
        lastError: r.last_error,
      })),
    complete: (g: DueGroup): void => {
      inTx();
      complete.run(g.routerId, g.subject, g.subjectId, g.lastId);
    },
    fail: (
      g: DueGroup,
      f: { error: string; now: number; nextAttemptAt: number; needsKick: boolean },
    ): void => {
      inTx();
      fail.run(
        f.error,
        f.now,
        f.nextAttemptAt,
        f.needsKick ? 1 : 0,
        g.routerId,
        g.subject,
        g.subjectId,
        g.lastId,
      );
    },
    list: (f: { routerId?: number; clientId?: number; limit: number }): QueueItem[] =>
      list
        .all({ router: f.routerId ?? null, client: f.clientId ?? null, limit: f.limit })
        .map((r) => ({
          id: r.id,
          routerId: r.router_id,
          routerName: r.router_name,
          subject: r.subject,
          subjectId: r.subject_id,
          subjectLabel: r.subject_label ?? `${r.subject} ${String(r.subject_id)}`,
          reason: r.reason,
          correlationId: r.correlation_id,
          attempts: r.attempts,
          lastError: r.last_error,
          lastAttemptAt: r.last_attempt_at,
          nextAttemptAt: r.next_attempt_at,
          createdAt: r.created_at,
        })),
    count: (f: { routerId?: number; clientId?: number }): number =>
      count.get({ router: f.routerId ?? null, client: f.clientId ?? null })?.n ?? 0,
    /** Makes waiting work due now; returns how many items were rescheduled. */
    retryNow: (f: { itemId?: number; routerId?: number }, now: number): number => {
      if (f.itemId !== undefined) return retryItem.run(now, f.itemId).changes;
      if (f.routerId !== undefined) return retryRouter.run({ now, router: f.routerId }).changes;
      return retryAll.run({ now }).changes;
    },
  };
};

export type SyncQueueRepo = ReturnType<typeof createSyncQueueRepo>;
