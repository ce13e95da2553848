import { mkdirSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, type CoreConfig } from './config';
import { openDatabase, type Db, type Sqlite } from './db/open-database';
import { createWriteTransaction } from './db/write-transaction';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { accessProblem, checkDataDirAccess, leftoverGuard } from './data-dir-access';
import { tightenDataDir, type DataDirTightening } from './data-dir-permissions';
import { DatabaseStartupError } from './db/startup-error';
import { systemClock, type Clock } from './shared/clock';
import { consoleLogger, type Logger } from './shared/logger';
import { createEventBus } from './shared/event-bus';
import { hostLanAddress } from './shared/ip-address';
import { newCorrelationId } from './shared/ids';
import type { Actor, RequestMeta, ServiceContext } from './shared/context';
import type { JobName } from '../contract/schemas/jobs';
import { createRecorder } from './activity/recorder';
import { createActivityService } from './activity/activity.service';
import { createTaskRunner } from './tasks/task-runner';
import { createTaskRegistry, type TaskProgress } from './tasks/task-registry';
import { createReaderPool } from './activity/reader/reader-pool';
import { createAuditTrail } from './activity/audit-trail';
import { createLiveTail } from './activity/live-tail';
import { createForwarder, type Forwarder } from './forwarding/forwarder';
import { createSavedSearches } from './activity/saved-searches.service';
import { DEFAULT_AUTH_POLICY } from './auth/auth-policy';
import { createStaffRepo } from './auth/staff.repo';
import { createSessionsRepo } from './auth/sessions.repo';
import { createAuthService } from './auth/auth.service';
import { createSessionGuard } from './auth/session-guard';
import { createHashPool } from './auth/hash-pool';
import { createPasswordHasher, WITHOUT_THREADS } from './auth/password-hash';
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
import { createDiskWatch } from './storage/disk-space';
import { createClockWatch, type ClockWatch } from './clock/clock-watch';
import { createSharingService } from './sharing/sharing.service';
import { createDemoSupport } from './demo-support/demo-support';
import { createHealthRepo } from './health/health.repo';
import { createAlertEvaluator, type AlertEvaluator } from './alerts/alert-evaluator';
import { createAlertsService } from './alerts/alerts.service';
import { createAlertMail } from './alerts/alert-mail';
import { createSecretBox, loadOrCreateKey } from './shared/secret-box';
import { createRollupCounts } from './activity/rollup-counts';
import { createRouterEventCounts } from './activity/router-event-counts';
import { createSearchPlanner } from './activity/search-plan';
import { createRoutersRepo } from './routers/routers.repo';
import { createJobRunsRepo } from './insights/job-runs.repo';
import { createRouterRollupRepo } from './insights/router-rollup.repo';
import { createRunHistory } from './insights/run-history';
import { createInsightsService } from './insights/insights.service';
import { currencyOf, formatMoney } from '../domain/money';
import type { UpdateAlertMail, UpdateAlertRules } from '../contract/schemas/alerts';
import { nextTurn } from './shared/next-turn';

/** Viewers get at most two live-tail updates a second. */
const LIVE_TAIL_MS = 500;

/** The database's own files: what must be writable, and what a failed start must not leave. */
const DATA_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`];

/** How the data folder was found at start: a lock taken over, permissions tightened. */
type StartupFindings = { lock: DataDirLock['recovered']; tightened: DataDirTightening | null };

/**
 * The composition root: everything the app does, wired from a config. No module state; the
 * Electron shell, the headless server, the CLI and the tests each call this once.
 */
export const createCore = (config: CoreConfig): Core => createCoreWithInternals(config).core;

/**
 * createCore, with the database connection, the write transaction and the recorder beside the
 * core for test-support to hand to tests (lint allows this import only there and in tests).
 */
export const createCoreWithInternals = (config: CoreConfig): CoreWithInternals => {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? consoleLogger;
  const host = config.host ?? { ip: hostLanAddress(), name: hostname() };
  // Refused before anything is made: a read-only folder or file, or one of another user's.
  checkDataDirAccess(config.dataDir, DATA_FILES);
  const leftovers = leftoverGuard(config.dataDir, DATA_FILES);
  let lock: DataDirLock;
  try {
    lock =
      config.mode === 'cli'
        ? { release: () => undefined, recovered: null }
        : lockDataDir(config.dataDir);
  } catch (e) {
    leftovers.folder();
    throw e instanceof DatabaseStartupError
      ? e
      : accessProblem(`The data folder ${config.dataDir}`, e);
  }
  const unlock = () => {
    lock.release();
    leftovers.files();
  };
  let db: Db;
  let findings: StartupFindings;
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const tightened =
      config.mode === 'cli' ? null : tightenDataDir(config.dataDir, (m, f) => logger.warn(m, f));
    findings = { lock: lock.recovered, tightened };
    if (lock.recovered) logger.warn('took over a stale data-folder lock', { ...lock.recovered });
    if (tightened) logger.warn('the data folder was open to other users: restricted', tightened);
    db = openDatabase({
      file: join(config.dataDir, DATABASE_FILE),
      migrationsFolder: config.migrationsFolder,
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    });
    if (config.flushEachCommit === false) db.sqlite.pragma('synchronous = OFF');
  } catch (e) {
    unlock();
    throw e;
  }
  try {
    return wireCore(config, db, lock.release, findings, { clock, logger, host });
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
  findings: StartupFindings,
  { clock, logger, host }: { clock: Clock; logger: Logger; host: { ip: string; name: string } },
) => {
  const sqlite: Sqlite = db.sqlite;
  const { orm } = db;

  const events = createEventBus();
  // Created once the office's settings can be read (below); told of every commit.
  let forwarder: Forwarder | null = null;
  // Created once the rules' settings can be read (below); told of every commit.
  let alertRules: AlertEvaluator | null = null;
  const tail = createLiveTail({
    intervalMs: LIVE_TAIL_MS,
    emit: (batch) => events.emit('activity.recorded', batch),
  });
  // Descriptions name times in the office's zone; it can be read once the office services exist.
  let officeZone = (): string => 'UTC';
  const recorder = createRecorder({
    sqlite,
    clock,
    host,
    timeZone: () => officeZone(),
    onCommitted: (categories) => {
      tail.recorded(categories);
      forwarder?.wake();
      alertRules?.wake();
    },
  });
  // Set once the office's time zone can be read (below); changes before that see no clock jump.
  let clockWatch: ClockWatch | null = null;
  const write = createWriteTransaction(sqlite, {
    beginning: () => clockWatch?.check(),
    committed: () => recorder.flush(),
    rolledBack: () => recorder.discard(),
  });
  const upkeep = createWriteUpkeep(sqlite);
  /**
   * Between two slices of a long run of writes (an import, a prune): other calls get in, then
   * the slice's WAL pages and index segments are put away in small steps, then calls again.
   */
  const betweenSlices = async (): Promise<void> => {
    await nextTurn();
    upkeep.between();
    await nextTurn();
  };
  const policy = { ...DEFAULT_AUTH_POLICY, ...config.authPolicy };
  const hashing = config.passwordHasher
    ? createHashPool({ ...config.passwordHasher, threads: hashThreads(config), logger })
    : null;
  const authDeps = {
    clock,
    write,
    recorder,
    policy,
    hasher: createPasswordHasher(hashing ?? WITHOUT_THREADS),
    staff: createStaffRepo(orm),
    sessions: createSessionsRepo(orm),
  };
  const guard = createSessionGuard({ ...authDeps, hostIp: host.ip });
  const scheduler = createScheduler({ logger });

  // The log's time: entries of one action stay near its id's time whatever the clock did.
  const correlationId = (): string => newCorrelationId(recorder.changeTime());
  /** Context for work the system does on its own (timers, start-up). */
  const systemMeta = (): RequestMeta => ({
    ip: host.ip,
    workstation: host.name,
    correlationId: correlationId(),
  });

  const tasks = createTaskRunner({
    ...config.taskThreads,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  });

  // Only the session that started the task hears of it; the core's own tasks, nobody.
  const taskProgress = (p: TaskProgress, owner: string | null) => {
    if (owner) events.emit('task.progress', p, { sessionId: owner });
  };
  const registry = createTaskRegistry({
    clock,
    recorder,
    authorize: guard.authorize,
    progress: taskProgress,
  });

  const audit = createAuditTrail({
    sqlite,
    dataDir: config.dataDir,
    migrationsFolder: config.migrationsFolder,
    clock,
    write,
    recorder,
    tasks,
    breathe: betweenSlices,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    ...config.retention,
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
      tasks,
      registry,
      ...audit,
      timeZone: () => office.settings.get().timeZone,
      ...(config.activityReader
        ? { reader: readerThreads(config, config.activityReader, clock, logger) }
        : {}),
      ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
      ...(config.activityTextBudgetMs === undefined
        ? {}
        : { textBudget: { ms: config.activityTextBudgetMs } }),
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
    // Plans, clients, money, settings: a change and its log entry carry one clock reading (reads
    // outside a write, e.g. "today" in reports, go by the clock).
    clock: {
      now: () => (sqlite.inTransaction ? recorder.changeTime() : clock.now()),
      sleep: (ms) => clock.sleep(ms),
    },
    write,
    recorder,
    routerSync: network.hooks,
    dataDir: config.dataDir,
    authorize: guard.authorize,
    recentActivity: (limit, viewer) => services.activity.recent(limit, viewer),
    // The job registry is made below; the dashboard asks it only once the core is built.
    dashboard: { ...network.glance, jobs: () => jobs.list() },
    tasks,
    registry,
    importSlicing: { breathe: betweenSlices, ...config.importSlicing },
  });

  officeZone = () => office.settings.get().timeZone;
  const watch = createClockWatch({
    clock,
    recorder,
    logger,
    timeZone: () => office.settings.get().timeZone,
    systemMeta,
    lastEntryTs: () => recorder.lastEntryTs(),
  });
  clockWatch = watch;

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
    tasks,
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
  forwarder = createForwarder({
    sqlite,
    clock,
    write,
    recorder,
    logger,
    timeZone: () => office.settings.get().timeZone,
    host,
    systemMeta,
    ...(config.forwarding ? { timing: config.forwarding } : {}),
  });
  const forwarding = forwarder;
  const alertsService = createAlertsService({ sqlite, clock, write, recorder });
  const alertMail = createAlertMail({
    sqlite,
    clock,
    write,
    recorder,
    logger,
    box: createSecretBox(loadOrCreateKey(config.dataDir)),
    systemMeta,
    timeZone: () => office.settings.get().timeZone,
    ...(config.alertMail ? { timing: config.alertMail } : {}),
  });
  const evaluator = createAlertEvaluator({
    sqlite,
    write,
    recorder,
    logger,
    systemMeta,
    settings: alertsService.rules,
    timeZone: () => office.settings.get().timeZone,
    money: (minor) => formatMoney(minor, currencyOf(office.settings.get())),
    raised: (alert) => {
      events.emit(
        'alert.raised',
        { id: alert.id, rule: alert.rule, severity: alert.severity, title: alert.title },
        { permission: 'alerts.read' },
      );
      alertMail.raised(alert);
    },
  });
  alertRules = evaluator;
  const maintenance = createLogMaintenance({
    sqlite,
    write,
    checkpointIfDue: audit.checkpointIfDue,
  });
  const disk = createDiskWatch({
    dataDir: config.dataDir,
    clock,
    write,
    recorder,
    logger,
    ...(config.readDiskSpace ? { readSpace: config.readDiskSpace } : {}),
    changed: (status) => events.emit('system.storage', status),
  });
  const jobRuns = createJobRunsRepo(sqlite);
  const routerHours = createRouterRollupRepo(sqlite);
  const runHistory = createRunHistory({
    runs: jobRuns,
    routers: routerHours,
    write,
    clock,
    logger,
  });
  const jobs = createJobRegistry({
    scheduler,
    clock,
    write,
    recorder,
    repo: createJobStateRepo(orm),
    history: runHistory,
    logger,
    systemMeta,
  });
  const planner = createSearchPlanner(sqlite);
  const insights = createInsightsService({
    clock,
    timeZone: () => office.settings.get().timeZone,
    rollups: createRollupCounts(sqlite, (from, to) => planner.idRange(from, to)),
    routerEvents: createRouterEventCounts(sqlite),
    runs: jobRuns,
    history: runHistory,
    routerHours,
    jobs: () => jobs.list(),
    routers: createRoutersRepo(orm).names,
    staffNames: authDeps.staff.displayNames,
  });
  const definitions = coreJobs({
    sweepSessions: (correlationId) => guard.sweep(correlationId),
    // WAL checkpoints and index merges run on this tick, between calls (see write-upkeep.ts).
    upkeep: upkeep.tick,
    checkpointDue: audit.checkpointDue,
    checkpointIfDue: audit.checkpointIfDue,
    maintainLog: maintenance.run,
    backup: { settings: backupSettings.get, run: backup.run },
    checkDiskSpace: disk.check,
  });
  for (const job of [...definitions, ...network.jobs]) jobs.define(job);

  let started = false;
  let stopped = false;
  const core = {
    services: {
      ...services,
      ...office,
      ...network.services,
      jobs: {
        list: jobs.list,
        // A backup started by staff is a task of theirs: they follow it and may cancel it.
        runNow: (
          input: { name: JobName; taskId?: string | undefined },
          ctx: ServiceContext & { actor: Actor },
        ) =>
          input.name === 'db.backup'
            ? registry.run('backup', ctx, input, (task) =>
                jobs.runNow(input.name, ctx, task.signal),
              )
            : jobs.runNow(input.name, ctx),
      },
      tasks: { list: registry.list, cancel: registry.cancel },
      backup: { settings: backupSettings.get, updateSettings: backupSettings.update },
      storage: { status: disk.status },
      sharing: { status: sharing.status, update: sharing.update },
      forwarding: { status: forwarding.status, update: forwarding.update },
      alerts: {
        list: alertsService.list,
        openCount: alertsService.openCount,
        acknowledge: alertsService.acknowledge,
        resolve: alertsService.resolve,
        rules: () => ({ rules: alertsService.rules(), mail: alertMail.settings() }),
        /** The alert email send log, newest first. */
        emails: () => alertMail.sendLog(100),
        updateRules: (
          input: { rules?: UpdateAlertRules | undefined; mail?: UpdateAlertMail | undefined },
          ctx: ServiceContext & { actor: Actor },
        ) =>
          write(() => {
            if (input.rules) alertsService.updateRules(input.rules, ctx);
            if (input.mail) alertMail.update(input.mail, ctx);
            return { rules: alertsService.rules(), mail: alertMail.settings() };
          }),
      },
      demo: createDemoSupport({ sqlite, recorder, health: createHealthRepo(orm), write }),
      insights: {
        activity: (
          input: Parameters<typeof insights.activity>[0],
          ctx: ServiceContext & { actor: Actor },
        ) => insights.activity(input, ctx.actor.role),
        jobs: insights.jobs,
        routers: insights.routers,
      },
    },
    events,
    clock,
    logger,
    host,
    systemMeta,
    /** A new correlation id for one call's entries (on the log's time). */
    correlationId,
    start: (): void => {
      if (started) return;
      started = true;
      watch.atStart();
      const ctx = { ...systemMeta(), actor: null };
      recorder.record({
        event: 'system.started',
        params: { version: config.version, mode: config.mode },
        ctx,
      });
      if (findings.lock) {
        const { previous, reason } = findings.lock;
        recorder.record({
          event: 'system.lock_recovered',
          params: { pid: previous.pid ?? null, host: previous.host ?? null, reason },
          ctx,
          details: { previous },
        });
      }
      if (findings.tightened) {
        recorder.record({
          event: 'system.data_folder_secured',
          params: { ...findings.tightened, folder: config.dataDir },
          ctx,
        });
      }
      if (config.background !== false) {
        // The low-space banner and entry right away, not one tick (2 min) after start.
        try {
          disk.check(systemMeta());
        } catch (e) {
          logger.warn('could not read the free space on the data folder’s disk', {
            error: e instanceof Error ? e.message : String(e),
          });
        }
        upkeep.hold();
        // Every timer: health polls, the queue, sweeps, checkpoints, auto-sync, expiry,
        // maintenance, backups (tests that drive jobs by hand leave them unscheduled).
        jobs.start(config.backgroundJobs);
      }
      network.start(config.background !== false);
      forwarding.start();
      evaluator.start();
      if (config.background !== false) {
        scheduler.every('alert rules', 60_000, () => {
          evaluator.tick(clock.now());
          alertMail.tick();
        });
      }
      void sharing.resume();
      // An archive run that a crash or quit cut short removes the rest of its entries.
      audit.retention.resume(ctx).catch((e: unknown) => {
        logger.error('could not finish removing archived activity entries', {
          error: e instanceof Error ? e.message : String(e),
        });
      });
    },
    stop: async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      // Every step runs whatever the one before did (a full disk failing the last entry must
      // not keep the database open or the folder locked); failures are logged, not thrown.
      const step = async (name: string, run: () => unknown) => {
        try {
          await run();
        } catch (e) {
          logger.error(`stopping: ${name} failed`, { error: (e as Error).message });
        }
      };
      // Other workstations first: their calls would otherwise reach a stopping core.
      await step('sharing', () => sharing.stop());
      // No new job runs from here; routers next: closing their connections ends any router
      // call a running job is waiting on; then wait for the jobs and clear the timers.
      const jobsStopped = step('jobs', () => jobs.stop()); // called now, awaited below
      await step('tasks', () => registry.stop());
      await step('routers', () => network.stop());
      await jobsStopped;
      await step('scheduler', () => scheduler.stop());
      if (started) {
        await step('recording system.stopped', () =>
          recorder.record({
            event: 'system.stopped',
            params: { mode: config.mode },
            ctx: { ...systemMeta(), actor: null },
          }),
        );
      }
      evaluator.stop();
      await step('alert email', () => alertMail.stop());
      // After the last entry, so that the receiver gets "stopped" too.
      await step('log forwarding', () => forwarding.stop());
      // After the last entry: recording it would otherwise arm a new timer after stop.
      await step('live tail', () => tail.stop());
      await step('activity readers', () => services.activity.close());
      await step('password hashing threads', async () => hashing?.close());
      await step('database', () => db.close());
      unlock();
    },
  };
  return {
    core,
    internals: {
      sqlite,
      write,
      recorder,
      /** The alert rules over everything committed so far, now (tests; they do not wait). */
      evaluateAlerts: evaluator.drain,
      /** The rules that depend on time passing, at `now`. */
      alertTick: evaluator.tick,
      alertMail: { sendLog: alertMail.sendLog, tick: alertMail.tick },
    },
  };
};
type CoreWithInternals = ReturnType<typeof wireCore>;
export type Core = CoreWithInternals['core'];
/** What tests reach through test-support and nothing else does: the database and the log. */
export type CoreInternals = CoreWithInternals['internals'];

/** One hashing thread per core beyond the main thread's, at most two (each hash is ~300 ms). */
const hashThreads = (config: CoreConfig): number =>
  config.passwordHasher?.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));

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
        ...(config.activityTextBudgetMs === undefined
          ? {}
          : { textBudgetMs: config.activityTextBudgetMs }),
      },
      now: () => clock.now(),
      logger,
    });
