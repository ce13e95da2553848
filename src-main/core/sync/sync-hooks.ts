import type { Sqlite } from '../db/open-database';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import type { SyncQueueRepo } from './sync-queue.repo';

/**
 * The port the office services call INSIDE the write transaction of a change, so that the
 * router work it needs is queued atomically with it (the change and its queue rows commit
 * together or not at all). No network I/O happens here; the worker is woken after commit.
 */
export type RouterSyncHooks = {
  clientChanged(
    clientId: number,
    meta: RequestMeta,
    change: {
      reason: string;
      /** Fields that changed (client-view names); absent means "anything may have". */
      fields?: readonly string[];
      before?: { routerId: number | null; serviceLogin: string };
    },
  ): void;
  planChanged(
    planId: number,
    meta: RequestMeta,
    change: { reason: string; fields: readonly string[] },
  ): void;
};

export const noRouterSync: RouterSyncHooks = {
  clientChanged: () => undefined,
  planChanged: () => undefined,
};

/** Client fields the router state depends on. */
const CLIENT_ROUTER_FIELDS = new Set([
  'serviceType',
  'serviceLogin',
  'servicePassword',
  'staticIp',
  'planId',
  'routerId',
  'status',
]);
/** Plan fields that change its profile on the router. */
const PLAN_PROFILE_FIELDS = new Set([
  'serviceType',
  'rateDownKbps',
  'rateUpKbps',
  'burst',
  'routerProfile',
]);
/** Plan fields that change what its clients' entries look like. */
const PLAN_CLIENT_FIELDS = new Set([
  'serviceType',
  'routerProfile',
  'expiryAction',
  'isolationProfile',
  'isolationAddressList',
]);

export const createSyncHooks = (deps: {
  sqlite: Sqlite;
  queue: SyncQueueRepo;
  clock: Clock;
  /** Called after the surrounding transaction has ended (committed or not). */
  wake: () => void;
}): RouterSyncHooks => {
  const { sqlite, queue } = deps;
  const client = sqlite.prepare<[number], { router_id: number | null; service_login: string }>(
    'SELECT router_id, service_login FROM clients WHERE id = ?',
  );
  const routerExists = sqlite.prepare<[number], { id: number }>(
    'SELECT id FROM routers WHERE id = ?',
  );
  const routersOfPlan = sqlite.prepare<[number], { router_id: number }>(
    `SELECT DISTINCT c.router_id FROM clients c JOIN routers r ON r.id = c.router_id
      WHERE c.plan_id = ? AND c.status <> 'archived'`,
  );
  const clientsOfPlan = sqlite.prepare<[number], { id: number; router_id: number }>(
    `SELECT c.id, c.router_id FROM clients c JOIN routers r ON r.id = c.router_id
      WHERE c.plan_id = ? AND c.status <> 'archived' ORDER BY c.id`,
  );
  let wakeArmed = false;
  // setImmediate runs after the synchronous transaction around this call has finished.
  const wakeLater = () => {
    if (wakeArmed) return;
    wakeArmed = true;
    setImmediate(() => {
      wakeArmed = false;
      deps.wake();
    });
  };
  const known = (id: number | null | undefined): id is number =>
    id !== null && id !== undefined && routerExists.get(id) !== undefined;

  return {
    clientChanged: (clientId, meta, change) => {
      if (change.fields && !change.fields.some((f) => CLIENT_ROUTER_FIELDS.has(f))) return;
      const now = deps.clock.now();
      const current = client.get(clientId);
      if (!current) return;
      const oldLogin = change.before?.serviceLogin;
      const staleName =
        oldLogin !== undefined && oldLogin !== current.service_login ? oldLogin : null;
      const targets = new Set<number>();
      const previous = change.before?.routerId;
      if (known(current.router_id)) targets.add(current.router_id);
      if (known(previous)) targets.add(previous);
      for (const routerId of targets) {
        queue.enqueue({
          routerId,
          subject: 'client',
          subjectId: clientId,
          staleName,
          correlationId: meta.correlationId,
          reason: change.reason,
          now,
        });
      }
      if (targets.size > 0) wakeLater();
    },

    planChanged: (planId, meta, change) => {
      const now = deps.clock.now();
      const base = {
        correlationId: meta.correlationId,
        reason: change.reason,
        now,
        staleName: null,
      };
      let queued = 0;
      if (change.fields.some((f) => PLAN_PROFILE_FIELDS.has(f))) {
        for (const r of routersOfPlan.all(planId)) {
          queue.enqueue({ ...base, routerId: r.router_id, subject: 'plan', subjectId: planId });
          queued += 1;
        }
      }
      if (change.fields.some((f) => PLAN_CLIENT_FIELDS.has(f))) {
        for (const c of clientsOfPlan.all(planId)) {
          queue.enqueue({ ...base, routerId: c.router_id, subject: 'client', subjectId: c.id });
          queued += 1;
        }
      }
      if (queued > 0) wakeLater();
    },
  };
};
