import type { ExpiryRun } from '../../contract/schemas/sync';
import type { Recorder } from '../activity/recorder';
import type { ClientsRepo, DueClient } from '../clients/clients.repo';
import type { WriteTransaction } from '../db/write-transaction';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { RouterSyncHooks } from '../sync/sync-hooks';
import type { SyncWorker } from '../sync/sync-worker';

/** Clients expired per transaction (keeps each write short). */
const BATCH = 500;

const actionOf = (c: DueClient): string => {
  if (c.routerId === null || c.routerName === null) return 'no router assigned, nothing to isolate';
  const on = `on router "${c.routerName}"`;
  if (c.expiryAction === 'disable') return `disabled ${on}`;
  const ways = [
    ...(c.isolationProfile ? [`profile "${c.isolationProfile}"`] : []),
    ...(c.isolationAddressList && c.staticIp ? [`address list "${c.isolationAddressList}"`] : []),
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
  clients: Pick<ClientsRepo, 'dueForExpiry' | 'markExpired'>;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  hooks: RouterSyncHooks;
  worker: SyncWorker;
}) => {
  /** One batch: mark, log, queue; returns the clients it expired. */
  const expireBatch = (meta: RequestMeta): DueClient[] =>
    deps.write(() => {
      const now = deps.clock.now();
      const rows = deps.clients.dueForExpiry(now, BATCH);
      for (const c of rows) {
        deps.clients.markExpired(c.id, now);
        deps.recorder.record({
          event: 'subscription.expired',
          params: {
            account: c.accountNo,
            name: c.fullName,
            plan: c.planName,
            action: actionOf(c),
          },
          ctx: { ...meta, actor: null },
          target: { type: 'client', id: c.id, label: `${c.accountNo} ${c.fullName}` },
          clientId: c.id,
          ...(c.routerId !== null && c.routerName !== null ? { routerId: c.routerId } : {}),
          details: {
            expiresAt: c.expiresAt,
            graceDays: c.graceDays,
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
      const expired: DueClient[] = [];
      for (;;) {
        const batch = expireBatch(meta);
        expired.push(...batch);
        if (batch.length < BATCH) break;
      }
      const withRouter = expired.filter((c) => c.routerId !== null && c.routerName !== null);
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
            clients: expired.slice(0, 200).map((c) => c.accountNo),
          },
        });
      }
      return summary;
    },
  };
};

export type ExpiryJob = ReturnType<typeof createExpiryJob>;
