import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, type CoreConfig } from './config';
import { openDatabase, type Db, type Sqlite } from './db/open-database';
import { createWriteTransaction } from './db/write-transaction';
import { lockDataDir } from './data-dir-lock';
import { systemClock, type Clock } from './shared/clock';
import { consoleLogger, type Logger } from './shared/logger';
import { createEventBus } from './shared/event-bus';
import { hostLanAddress } from './shared/ip-address';
import { newCorrelationId } from './shared/ids';
import type { RequestMeta } from './shared/context';
import { createRecorder } from './activity/recorder';
import { createActivityService } from './activity/activity.service';
import { createAuditTrail } from './activity/audit-trail';
import { createLiveTail } from './activity/live-tail';
import { createSavedSearches } from './activity/saved-searches.service';
import { DEFAULT_AUTH_POLICY } from './auth/auth-policy';
import { createStaffRepo } from './auth/staff.repo';
import { createSessionsRepo } from './auth/sessions.repo';
import { createAuthService } from './auth/auth.service';
import { createSessionGuard } from './auth/session-guard';
import { createSessionsService } from './auth/sessions.service';
import { createStaffService } from './auth/staff.service';
import { createScheduler } from './scheduler/scheduler';
import { createOfficeServices, type OfficeServices } from './office-services';
import { createNetworkServices } from './network-services';

const SESSION_SWEEP_MS = 60_000;
/** Viewers get at most two live-tail updates a second. */
const LIVE_TAIL_MS = 500;
const CHECKPOINT_CHECK_MS = 15 * 60_000;
const WAL_CHECKPOINT_MS = 5_000;

/**
 * The composition root: everything the app does, wired from a config. No module state; the
 * Electron shell, the headless server, the CLI and the tests each call this once.
 */
export const createCore = (config: CoreConfig) => {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? consoleLogger;
  const host = config.host ?? { ip: hostLanAddress(), name: hostname() };
  const unlock = config.mode === 'cli' ? () => undefined : lockDataDir(config.dataDir);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let db: Db;
  try {
    db = openDatabase({
      file: join(config.dataDir, DATABASE_FILE),
      migrationsFolder: config.migrationsFolder,
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    });
  } catch (e) {
    unlock();
    throw e;
  }
  try {
    return wireCore(config, db, unlock, { clock, logger, host });
  } catch (e) {
    db.close();
    unlock();
    throw e;
  }
};

/** Everything on top of the open database; if any of it fails, createCore closes and unlocks. */
const wireCore = (
  config: CoreConfig,
  db: Db,
  unlock: () => void,
  { clock, logger, host }: { clock: Clock; logger: Logger; host: { ip: string; name: string } },
) => {
  const sqlite: Sqlite = db.sqlite;
  const { orm } = db;

  const events = createEventBus();
  const tail = createLiveTail({
    intervalMs: LIVE_TAIL_MS,
    emit: (batch) => events.emit('activity.recorded', batch),
  });
  const recorder = createRecorder({
    sqlite,
    clock,
    host,
    onCommitted: (lastId, count) => tail.recorded(lastId, count),
  });
  const write = createWriteTransaction(sqlite, {
    committed: () => recorder.flush(),
    rolledBack: () => recorder.discard(),
  });
  const policy = { ...DEFAULT_AUTH_POLICY, ...config.authPolicy };
  const authDeps = {
    clock,
    write,
    recorder,
    policy,
    staff: createStaffRepo(orm),
    sessions: createSessionsRepo(orm),
  };
  const guard = createSessionGuard({ ...authDeps, hostIp: host.ip });
  const scheduler = createScheduler({ logger });

  /** Context for work the system does on its own (timers, start-up). */
  const systemMeta = (): RequestMeta => ({
    ip: host.ip,
    workstation: host.name,
    correlationId: newCorrelationId(clock.now()),
  });

  const audit = createAuditTrail({
    sqlite,
    dataDir: config.dataDir,
    migrationsFolder: config.migrationsFolder,
    clock,
    write,
    recorder,
  });

  const services = {
    auth: createAuthService(authDeps),
    guard,
    sessions: createSessionsService({ ...authDeps, authorize: guard.authorize }),
    staff: createStaffService(authDeps),
    activity: createActivityService({
      sqlite,
      recorder,
      clock,
      ...audit,
      progress: (p) => events.emit('task.progress', p),
    }),
    searches: createSavedSearches({ orm, now: () => clock.now() }),
  };
  const network = createNetworkServices({
    sqlite,
    orm,
    clock,
    write,
    recorder,
    logger,
    dataDir: config.dataDir,
    systemMeta,
    ...(config.network ? { options: config.network } : {}),
  });
  const office: OfficeServices = createOfficeServices({
    sqlite,
    orm,
    clock,
    write,
    recorder,
    routerSync: network.hooks,
    dataDir: config.dataDir,
    authorize: guard.authorize,
    recentActivity: (limit) => services.activity.search({ filter: {}, limit }).entries,
  });

  let started = false;
  let stopped = false;
  return {
    services: { ...services, ...office, ...network.services },
    events,
    recorder,
    write,
    sqlite,
    clock,
    logger,
    host,
    systemMeta,
    start: (): void => {
      if (started) return;
      started = true;
      recorder.record({
        event: 'system.started',
        params: { version: config.version, mode: config.mode },
        ctx: { ...systemMeta(), actor: null },
      });
      if (config.background !== false) {
        scheduler.every('sessions.sweep', SESSION_SWEEP_MS, () => {
          guard.sweep(newCorrelationId(clock.now()));
        });
        scheduler.every('activity.checkpoint', CHECKPOINT_CHECK_MS, () => {
          audit.checkpointIfDue(systemMeta());
        });
        // WAL checkpoints (copying committed pages into the database file, with an fsync) run
        // here between calls, not inside whichever commit crosses SQLite's page threshold:
        // that keeps every commit's latency to its own fsync.
        sqlite.pragma('wal_autocheckpoint = 0');
        scheduler.every('db.walCheckpoint', WAL_CHECKPOINT_MS, () => {
          sqlite.pragma('wal_checkpoint(PASSIVE)');
        });
      }
      // Health polls, the provisioning queue, auto-sync and expiry (their own timers, or none
      // in tests that drive them by hand).
      network.start(scheduler, config.background !== false);
    },
    stop: async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      // Routers first: closing their connections ends any router call a job is waiting on.
      await network.stop();
      await scheduler.stop();
      if (started) {
        recorder.record({
          event: 'system.stopped',
          params: { mode: config.mode },
          ctx: { ...systemMeta(), actor: null },
        });
      }
      // After the last entry: recording it would otherwise arm a new timer after stop.
      tail.stop();
      services.activity.close();
      db.close();
      unlock();
    },
  };
};
export type Core = ReturnType<typeof wireCore>;
