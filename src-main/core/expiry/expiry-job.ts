import type { ExpiryRun } from '../../contract/schemas/sync';
import type { Recorder } from '../activity/recorder';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { RouterSyncHooks } from '../sync/sync-hooks';
import type { SyncWorker } from '../sync/sync-worker';

const DAY_MS = 86_400_000;
/** Clients expired per transaction (keeps each write short). */
const BATCH = 500;

type DueRow = {
  id: number;
  account_no: string;
  full_name: string;
  router_id: number | null;
  router_name: string | null;
  plan_name: string;
  expiry_action: 'isolate' | 'disable';
  isolation_profile: string | null;
  isolation_address_list: string | null;
  static_ip: string | null;
  expires_at: number;
  grace_days: number;
};

const actionOf = (c: DueRow): string => {
  if (c.router_id === null || c.router_name === null)
    return 'no router assigned, nothing to isolate';
  const on = `on router "${c.router_name}"`;
  if (c.expiry_action === 'disable') return `disabled ${on}`;
  const ways = [
    ...(c.isolation_profile ? [`profile "${c.isolation_profile}"`] : []),
    ...(c.isolation_address_list && c.static_ip
      ? [`address list "${c.isolation_address_list}"`]
      : []),
  ];
  return ways.length > 0
    ? `isolated ${on} (${ways.join(' and ')})`
    : `disabled ${on} (no isolation set up)`;
};

/**
 * Expiry processing: every active client past expiry plus the plan's grace days is marked
 * expired (and logged) in the same transaction that queues their isolation; the run then pushes
 * those changes at once and writes a summary of what was isolated, what waits and why.
 * Idempotent: a second run finds nobody (`status = 'active'` is part of the query).
 */
export const createExpiryJob = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  hooks: RouterSyncHooks;
  worker: SyncWorker;
}) => {
  const due = deps.sqlite.prepare<[number, number], DueRow>(
    `SELECT c.id, c.account_no, c.full_name, c.router_id, r.name AS router_name, p.name AS plan_name,
            p.expiry_action, p.isolation_profile, p.isolation_address_list, c.static_ip,
            c.expires_at, p.grace_days
       FROM clients c JOIN plans p ON p.id = c.plan_id
       LEFT JOIN routers r ON r.id = c.router_id
      WHERE c.status = 'active' AND c.expires_at + p.grace_days * ${String(DAY_MS)} <= ?
      ORDER BY c.expires_at, c.id LIMIT ?`,
  );
  const markExpired = deps.sqlite.prepare(
    "UPDATE clients SET status = 'expired', updated_at = ? WHERE id = ? AND status = 'active'",
  );

  /** One batch: mark, log, queue; returns the clients it expired. */
  const expireBatch = (meta: RequestMeta): DueRow[] =>
    deps.write(() => {
      const now = deps.clock.now();
      const rows = due.all(now, BATCH);
      for (const c of rows) {
        markExpired.run(now, c.id);
        deps.recorder.record({
          event: 'subscription.expired',
          params: {
            account: c.account_no,
            name: c.full_name,
            plan: c.plan_name,
            action: actionOf(c),
          },
          ctx: { ...meta, actor: null },
          target: { type: 'client', id: c.id, label: `${c.account_no} ${c.full_name}` },
          clientId: c.id,
          ...(c.router_id !== null && c.router_name !== null ? { routerId: c.router_id } : {}),
          details: {
            expiresAt: c.expires_at,
            graceDays: c.grace_days,
            before: { status: 'active' },
            after: { status: 'expired' },
          },
        });
        deps.hooks.clientChanged(c.id, meta, {
          reason: 'subscription.expired',
          fields: ['status'],
        });
      }
      return rows;
    });

  return {
    run: async (meta: RequestMeta, opts: { quiet?: boolean } = {}): Promise<ExpiryRun> => {
      const expired: DueRow[] = [];
      for (;;) {
        const batch = expireBatch(meta);
        expired.push(...batch);
        if (batch.length < BATCH) break;
      }
      const withRouter = expired.filter((c) => c.router_id !== null && c.router_name !== null);
      const results =
        withRouter.length > 0
          ? await deps.worker.drain({ clientIds: withRouter.map((c) => c.id) })
          : [];
      const failed = new Map<number, string>();
      for (const r of results) if (!r.ok && r.error) failed.set(r.subjectId, r.error);
      const reasons = new Map<string, number>();
      for (const reason of failed.values()) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      const isolated = withRouter.filter(
        (c) => results.some((r) => r.subjectId === c.id && r.ok) && !failed.has(c.id),
      ).length;
      const summary: ExpiryRun = {
        expired: expired.length,
        isolated,
        queued: withRouter.length - isolated,
        noRouter: expired.length - withRouter.length,
        failures: [...reasons].map(([reason, clients]) => ({ reason, clients })),
        correlationId: meta.correlationId,
      };
      if (expired.length > 0 || opts.quiet !== true) {
        deps.recorder.record({
          event: 'expiry.run_completed',
          params: {
            expired: summary.expired,
            isolated: summary.isolated,
            queued: summary.queued,
            noRouter: summary.noRouter,
          },
          outcome: summary.queued > 0 ? 'failure' : 'success',
          ctx: { ...meta, actor: null },
          details: {
            failures: summary.failures,
            clients: expired.slice(0, 200).map((c) => c.account_no),
          },
        });
      }
      return summary;
    },
  };
};

export type ExpiryJob = ReturnType<typeof createExpiryJob>;
