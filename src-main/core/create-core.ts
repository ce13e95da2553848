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
import { createReaderPool } from './activity/reader/reader-pool';
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
import { createJobRegistry } from './jobs/job-registry';
import { createJobStateRepo } from './jobs/job-state.repo';
import { coreJobs } from './jobs/core-jobs';
import { createLogMaintenance } from './activity/log-maintenance';
import { createWriteUpkeep } from './db/write-upkeep';
import { createBackupSettings } from './backup/backup-settings';
import { createDatabaseBackup } from './backup/database-backup';
import { createSharingService } from './sharing/sharing.service';

/** Viewers get at most two live-tail updates a second. */
const LIVE_TAIL_MS = 500;

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
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
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
      ...(config.activityReader
        ? { reader: readerThreads(config, config.activityReader, clock, logger) }
        : {}),
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
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
    recentActivity: (limit) => services.activity.recent(limit),
  });

  const backupSettings = createBackupSettings({
    sqlite,
    clock,
    write,
    recorder,
    dataDir: config.dataDir,
  });
  const backup = createDatabaseBackup({
    sqlite,
    clock,
    folder: backupSettings.folder,
    keep: () => backupSettings.get().keep,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  });
  const sharing = createSharingService({
    sqlite,
    clock,
    write,
    recorder,
    logger,
    systemMeta,
    ...(config.sharing ? { port: config.sharing } : {}),
  });
  const upkeep = createWriteUpkeep(sqlite);
  const maintenance = createLogMaintenance({
    sqlite,
    write,
    checkpointIfDue: audit.checkpointIfDue,
  });
  const jobs = createJobRegistry({
    scheduler,
    clock,
    write,
    recorder,
    repo: createJobStateRepo(sqlite),
    logger,
    systemMeta,
  });
  const definitions = coreJobs({
    sweepSessions: (correlationId) => guard.sweep(correlationId),
    // WAL checkpoints and index merges run on this tick, between calls (see write-upkeep.ts).
    upkeep: upkeep.tick,
    checkpointDue: audit.checkpointDue,
    checkpointIfDue: audit.checkpointIfDue,
    maintainLog: maintenance.run,
    backup: { settings: backupSettings.get, run: backup.run },
  });
  for (const job of [...definitions, ...network.jobs]) jobs.define(job);

  let started = false;
  let stopped = false;
  return {
    services: {
      ...services,
      ...office,
      ...network.services,
      jobs: { list: jobs.list, runNow: jobs.runNow },
      backup: { settings: backupSettings.get, updateSettings: backupSettings.update },
      sharing: { status: sharing.status, update: sharing.update },
    },
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
        upkeep.hold();
        // Every timer: health polls, the queue, sweeps, checkpoints, auto-sync, expiry,
        // maintenance, backups (tests that drive jobs by hand leave them unscheduled).
        jobs.start();
      }
      network.start(config.background !== false);
      void sharing.resume();
    },
    stop: async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      // Other workstations first: their calls would otherwise reach a stopping core.
      await sharing.stop();
      // No new job runs from here; routers next: closing their connections ends any router
      // call a running job is waiting on; then wait for the jobs and clear the timers.
      const jobsStopped = jobs.stop();
      await network.stop();
      await jobsStopped;
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
      await services.activity.close();
      db.close();
      unlock();
    },
  };
};
export type Core = ReturnType<typeof wireCore>;

/** The Activity Log screen's reads on reader threads, off the main event loop. */
const readerThreads =
  (
    config: CoreConfig,
    thread: NonNullable<CoreConfig['activityReader']>,
    clock: Clock,
    logger: Logger,
  ) =>
  ({ archivesDir }: { archivesDir: string }) =>
    createReaderPool({
      workerFile: thread.workerFile,
      ...(thread.argv ? { argv: thread.argv } : {}),
      data: {
        file: join(config.dataDir, DATABASE_FILE),
        archivesDir,
        ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
      },
      now: () => clock.now(),
      logger,
    });
