import type Database from 'better-sqlite3';
import type { ActivityEntry } from '../contract/schemas/activity';
import type { Recorder } from './activity/recorder';
import type { Orm } from './db/open-database';
import type { WriteTransaction } from './db/write-transaction';
import type { Clock } from './shared/clock';
import type { Actor } from './shared/context';
import { createCounters } from './shared/counters';
import { createSecretBox, loadOrCreateKey } from './shared/secret-box';
import type { BillingDeps } from './billing/billing-deps';
import { createBillingService, type BillingService } from './billing/billing.service';
import { createLedgerRepo } from './billing/ledger.repo';
import { createReceiptsRepo } from './billing/receipts.repo';
import { createPaymentsService, type PaymentsService } from './billing/payments.service';
import { createClientExport, type ClientExport } from './clients/client-export';
import { createClientImport, type ClientImport, type ImportSlicing } from './clients/client-import';
import type { TaskRegistry } from './tasks/task-registry';
import type { TaskRunner } from './tasks/task-runner';
import { createClientRules } from './clients/client-rules';
import { createClientSearch } from './clients/client-search';
import { createClientsRepo } from './clients/clients.repo';
import { createClientsService, type ClientsService } from './clients/clients.service';
import { createPlansRepo } from './plans/plans.repo';
import { createRoutersRepo } from './routers/routers.repo';
import { createPlansService, type PlansService } from './plans/plans.service';
import { createStaffRepo } from './auth/staff.repo';
import {
  createReportsService,
  type DashboardSources,
  type ReportsService,
} from './reports/reports.service';
import { createSettingsService, type SettingsService } from './settings/settings.service';
import { createOfficeProfile, type OfficeProfileService } from './settings/office-profile';
import { noRouterSync, type RouterSyncHooks } from './sync/sync-hooks';

export type OfficeServices = {
  settings: SettingsService;
  office: OfficeProfileService;
  plans: PlansService;
  clients: ClientsService & {
    importPreview: ClientImport['preview'];
    importCommit: ClientImport['commit'];
    exportTo: ClientExport;
  };
  billing: BillingService;
  payments: PaymentsService;
  reports: ReportsService;
};

/** The office's daily work (plans, clients, money, reports, settings), wired for create-core. */
export const createOfficeServices = (deps: {
  sqlite: Database.Database;
  orm: Orm;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  /** Queues router work inside the transaction of each client or plan change. */
  routerSync?: RouterSyncHooks;
  dataDir: string;
  authorize: BillingDeps['authorize'];
  recentActivity: (limit: number, viewer: Actor) => ActivityEntry[];
  dashboard: DashboardSources;
  /** Where the clients' CSV export and import check run (task threads in the app). */
  tasks: TaskRunner;
  /** The clients' import check, import and export are tasks of whoever starts them. */
  registry: TaskRegistry;
  /** How the CSV import writes (tests make slices small). */
  importSlicing?: Partial<ImportSlicing>;
}): OfficeServices => {
  const { sqlite, orm, clock, write, recorder } = deps;
  const routerSync = deps.routerSync ?? noRouterSync;
  const counters = createCounters(orm);
  const ledger = createLedgerRepo(orm);
  const clientsRepo = createClientsRepo(orm);
  const plansRepo = createPlansRepo(orm, clientsRepo);
  const settings = createSettingsService({
    sqlite,
    clock,
    write,
    recorder,
    ledger,
    plans: plansRepo,
  });
  const search = createClientSearch(sqlite);
  const routersRepo = createRoutersRepo(orm);
  const clientDeps = {
    clients: clientsRepo,
    search,
    routers: routersRepo,
    rules: createClientRules({
      clients: clientsRepo,
      plans: plansRepo,
      routers: routersRepo,
      counters,
    }),
    clock,
    write,
    recorder,
    box: createSecretBox(loadOrCreateKey(deps.dataDir)),
    settings,
    routerSync,
  };
  const clients = createClientsService(clientDeps);
  const importer = createClientImport({
    ...clientDeps,
    plans: plansRepo,
    insertLogged: clients.insertLogged,
    tasks: deps.tasks,
    registry: deps.registry,
    dbFile: sqlite.name,
    ...(deps.importSlicing ? { slicing: deps.importSlicing } : {}),
  });
  const office = createOfficeProfile({ sqlite, clock, write, recorder });
  return {
    settings,
    office,
    plans: createPlansService({
      plans: plansRepo,
      references: { clients: clientsRepo, ledger },
      clock,
      write,
      recorder,
      settings,
      routerSync,
    }),
    clients: {
      ...clients,
      importPreview: importer.preview,
      importCommit: importer.commit,
      exportTo: createClientExport({
        sqlite,
        search,
        clock,
        recorder,
        settings,
        tasks: deps.tasks,
        registry: deps.registry,
        dbFile: sqlite.name,
        box: clientDeps.box,
        authorize: deps.authorize,
      }),
    },
    billing: createBillingService({
      clock,
      write,
      recorder,
      settings,
      clients: clientsRepo,
      plans: plansRepo,
      ledger,
      receipts: createReceiptsRepo(orm, counters),
      authorize: deps.authorize,
      routerSync,
    }),
    payments: createPaymentsService({ ledger, settings, clock, recorder }),
    reports: createReportsService({
      staff: createStaffRepo(orm),
      ledger,
      clients: clientsRepo,
      clock,
      settings,
      search,
      recentActivity: deps.recentActivity,
      plans: plansRepo,
      officeProfile: office.get,
      glance: deps.dashboard,
    }),
  };
};
