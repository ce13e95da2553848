import type { ClientsRepo } from '../clients/clients.repo';
import type { RoutersRepo } from '../routers/routers.repo';
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
  clients: Pick<ClientsRepo, 'serviceTarget' | 'routerIdsOfPlan' | 'onRoutersOfPlan'>;
  routers: Pick<RoutersRepo, 'exists'>;
  queue: SyncQueueRepo;
  clock: Clock;
  /** Called after the surrounding transaction has ended (committed or not). */
  wake: () => void;
}): RouterSyncHooks => {
  const { clients, queue } = deps;
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
    id !== null && id !== undefined && deps.routers.exists(id);

  return {
    clientChanged: (clientId, meta, change) => {
      if (change.fields && !change.fields.some((f) => CLIENT_ROUTER_FIELDS.has(f))) return;
      const now = deps.clock.now();
      const current = clients.serviceTarget(clientId);
      if (!current) return;
      const oldLogin = change.before?.serviceLogin;
      const staleName =
        oldLogin !== undefined && oldLogin !== current.serviceLogin ? oldLogin : null;
      const targets = new Set<number>();
      const previous = change.before?.routerId;
      if (known(current.routerId)) targets.add(current.routerId);
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
        for (const routerId of clients.routerIdsOfPlan(planId)) {
          queue.enqueue({ ...base, routerId, subject: 'plan', subjectId: planId });
          queued += 1;
        }
      }
      if (change.fields.some((f) => PLAN_CLIENT_FIELDS.has(f))) {
        for (const c of clients.onRoutersOfPlan(planId)) {
          queue.enqueue({ ...base, routerId: c.routerId, subject: 'client', subjectId: c.id });
          queued += 1;
        }
      }
      if (queued > 0) wakeLater();
    },
  };
};
