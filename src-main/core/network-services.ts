import type { QueueList } from '../contract/schemas/sync';
import type { Recorder } from './activity/recorder';
import type { Orm, Sqlite } from './db/open-database';
import type { WriteTransaction } from './db/write-transaction';
import { createClientsRepo } from './clients/clients.repo';
import { createExpiryJob } from './expiry/expiry-job';
import { createHealthMonitor, type PollObservation } from './health/health-monitor';
import { createHealthRepo } from './health/health.repo';
import type { RouterConnector } from './routeros-client/router-client.port';
import { connectRouterOs } from './routeros-client/routeros.adapter';
import { createNetworkSettings } from './routers/network-settings';
import { DEFAULT_NETWORK_TUNING, type NetworkTuning } from './routers/network-tuning';
import { createRouterAccess } from './routers/router-access';
import { createRoutersRepo } from './routers/routers.repo';
import { createPlansRepo } from './plans/plans.repo';
import { createNetworkGlance } from './routers/network-glance';
import { createRoutersService, type RouterChange } from './routers/routers.service';
import { networkJobs } from './jobs/network-jobs';
import type { Clock } from './shared/clock';
import type { RequestMeta } from './shared/context';
import type { Logger } from './shared/logger';
import { createSecretBox, loadOrCreateKey } from './shared/secret-box';
import { createAutoSync } from './sync/auto-sync';
import { createDesiredState } from './sync/desired-state';
import { createSyncHooks } from './sync/sync-hooks';
import { createSyncQueueRepo } from './sync/sync-queue.repo';
import { createSyncWorker } from './sync/sync-worker';

/** How the core reaches routers; tests shrink timeouts, the bench observes polls. */
export type NetworkOptions = Partial<NetworkTuning> & {
  connector?: RouterConnector;
  /** Push queued work as soon as it is committed (default: when background jobs run). */
  autoPush?: boolean;
  observePolls?: (o: PollObservation) => void;
  /** Each transaction of health poll results, with how many polls it wrote. */
  observePollCommits?: (polls: number) => void;
};

/**
 * Routers and everything that talks to them: settings, health checks, the provisioning queue,
 * auto-sync and expiry processing. Wired by create-core; `hooks` go to the office services so
 * that client and plan changes queue their router work in their own transaction.
 */
export const createNetworkServices = (deps: {
  sqlite: Sqlite;
  orm: Orm;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  dataDir: string;
  systemMeta: () => RequestMeta;
  options?: NetworkOptions;
}) => {
  const { sqlite, clock, write, recorder } = deps;
  const tuning: NetworkTuning = { ...DEFAULT_NETWORK_TUNING, ...deps.options };
  const box = createSecretBox(loadOrCreateKey(deps.dataDir));
  const routersRepo = createRoutersRepo(deps.orm);
  const healthRepo = createHealthRepo(deps.orm);
  const queue = createSyncQueueRepo(deps.orm);
  const clientsRepo = createClientsRepo(deps.orm);
  const plansRepo = createPlansRepo(deps.orm, clientsRepo);
  const desired = createDesiredState({ clients: clientsRepo, plans: plansRepo, box });
  const access = createRouterAccess({
    box,
    connector: deps.options?.connector ?? connectRouterOs(),
    tuning,
  });
  const settings = createNetworkSettings({ sqlite, clock, write, recorder });

  const worker = createSyncWorker({
    queue,
    desired,
    routers: routersRepo,
    access,
    clock,
    write,
    recorder,
    tuning,
    systemMeta: deps.systemMeta,
    logger: deps.logger,
  });
  const hooks = createSyncHooks({
    clients: clientsRepo,
    routers: routersRepo,
    queue,
    clock,
    wake: () => worker.wake(),
  });
  if (deps.options?.autoPush === true) worker.setAutoWake(true);

  const monitor = createHealthMonitor({
    routers: routersRepo,
    health: healthRepo,
    access,
    clock,
    write,
    recorder,
    settings: () => settings.get(),
    tuning,
    systemMeta: deps.systemMeta,
    cameBack: (routerId) => {
      write(() => queue.retryNow({ routerId }, clock.now()));
      worker.wake();
    },
    ...(deps.options?.observePolls ? { observe: deps.options.observePolls } : {}),
    ...(deps.options?.observePollCommits
      ? { observeCommits: deps.options.observePollCommits }
      : {}),
  });

  const routers = createRoutersService({
    routers: routersRepo,
    clients: clientsRepo,
    queue,
    health: healthRepo,
    access,
    clock,
    write,
    recorder,
    historyMs: tuning.historyMs,
    changed: (routerId: number, change: RouterChange) => {
      monitor.refresh(routerId, change);
      if (change !== 'created') void access.forget(routerId);
      if (change === 'enabled') worker.wake();
    },
  });

  const autoSync = createAutoSync({
    desired,
    routers: routersRepo,
    health: healthRepo,
    access,
    write,
    recorder,
    tuning,
    systemMeta: deps.systemMeta,
  });
  const expiry = createExpiryJob({
    clients: clientsRepo,
    clock,
    write,
    recorder,
    hooks,
    worker,
  });

  const sync = {
    queue: (input: { routerId?: number; clientId?: number; limit?: number } = {}): QueueList => ({
      items: queue.list({ ...input, limit: input.limit ?? 200 }),
      total: queue.count(input),
    }),
    /** Router work waiting in the queue, on every router. */
    pending: (): number => queue.count({}),
    retryNow: (input: { itemId?: number; routerId?: number } = {}) => {
      const rescheduled = write(() => queue.retryNow(input, clock.now()));
      worker.wake();
      return { rescheduled };
    },
    preview: autoSync.preview,
    apply: autoSync.apply,
    /** The periodic auto-sync run (fix or report only, as the settings say). */
    autoRun: () => autoSync.autoRun({ fix: settings.get().autoSyncFix }),
    /** One pass of the queue now (the worker's job tick; tests call it directly). */
    drain: worker.drain,
  };

  // Scheduled by the job registry (create-core), which keeps their last runs and logs them.
  const jobs = networkJobs({
    tuning,
    settings: () => settings.get(),
    pollDue: (signal) => monitor.runDue(signal),
    drainQueue: () => worker.drain(),
    autoSync: (opts) => autoSync.autoRun(opts),
    expire: (meta) => expiry.run(meta, { quiet: true }),
  });

  return {
    hooks,
    services: {
      routers: { ...routers, settings: settings.get, updateSettings: settings.update },
      sync,
      expiry: { run: (meta: RequestMeta) => expiry.run(meta) },
      health: { pollNow: monitor.pollNow, runDue: monitor.runDue, nextDue: monitor.nextDue },
    },
    /** Routers and queue at a glance, for the dashboard. */
    glance: createNetworkGlance({ health: healthRepo, queue }),
    /** Health polls, the queue, auto-sync and expiry, for the job registry to schedule. */
    jobs,
    start: (background: boolean): void => {
      worker.setAutoWake(deps.options?.autoPush ?? background);
    },
    /** Stops pushes and polls, closes every router connection, waits for work in flight. */
    stop: async (): Promise<void> => {
      const halted = Promise.all([worker.stop(), monitor.stop()]);
      await access.closeAll();
      await halted;
    },
  };
};

export type NetworkServices = ReturnType<typeof createNetworkServices>;
