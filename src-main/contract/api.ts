import { z } from 'zod';
import type { Permission } from './roles';
import { PROCEDURES, DOWNLOADS } from './channels';
import type { ProcedureName, DownloadName, EventName } from './channels';
import { Empty } from './schemas/common';
import {
  AuthStatusSchema,
  ChangePasswordInput,
  EndSessionInput,
  LoginInput,
  SessionSchema,
  SessionUserSchema,
  SetupInput,
} from './schemas/auth';
import {
  CreateStaffInput,
  ResetPasswordInput,
  StaffIdInput,
  StaffSchema,
  UpdateStaffInput,
} from './schemas/staff';
import {
  ActivityEntrySchema,
  ActivityGetInput,
  ActivitySourceInput,
  ArchiveInput,
  ArchiveResultSchema,
  ArchiveSchema,
  CheckpointListSchema,
  SavedSearchSchema,
  SaveSearchInput,
  ActivityFacetsSchema,
  ActivityHistogramSchema,
  ActivityStatsInput,
  ActivityBundleInput,
  ActivityExportInput,
  ActivitySearchInput,
  ActivityCountAfterInput,
  ActivityCountSchema,
  ActivitySearchOutputSchema,
  VerifyResultSchema,
  ActivityRecordedSchema,
} from './schemas/activity';
import { IdSchema } from './schemas/common';
import {
  CreatePlanInput,
  PlanIdInput,
  PlanListInput,
  PlanSchema,
  UpdatePlanInput,
} from './schemas/plans';
import {
  ArchiveClientInput,
  ClientExportInput,
  ClientIdInput,
  ClientListInput,
  ClientListOutputSchema,
  ClientSchema,
  CreateClientInput,
  ImportInput,
  ImportPreviewSchema,
  ImportResultSchema,
  RevealedPasswordSchema,
  RouterNameSchema,
  UpdateClientInput,
} from './schemas/clients';
import { PaymentExportInput, PaymentListInput, PaymentListSchema } from './schemas/payments';
import {
  AdjustInput,
  CorrectExpiryInput,
  LedgerInput,
  LedgerOutputSchema,
  MoneyResultSchema,
  PayInput,
  ReceiptInput,
  ReceiptSchema,
  RefundInput,
  RenewInput,
  VoidInput,
} from './schemas/billing';
import {
  DashboardInput,
  DashboardSchema,
  DrawerInput,
  DrawerReportSchema,
  ExpiringInput,
  ExpiringReportSchema,
  IncomeInput,
  IncomeReportSchema,
} from './schemas/reports';
import {
  BillingSettingsSchema,
  OfficeProfileSchema,
  UpdateOfficeProfileInput,
  UpdateSettingsInput,
} from './schemas/settings';
import {
  CreateRouterInput,
  NetworkSettingsSchema,
  RouterHealthHistoryInput,
  RouterHealthHistorySchema,
  RouterHealthInput,
  RouterHealthSchema,
  RouterIdInput,
  RouterSchema,
  TestConnectionInput,
  TestConnectionResultSchema,
  UpdateNetworkSettingsInput,
  UpdateRouterInput,
} from './schemas/routers';
import {
  ExpiryRunSchema,
  QueueListInput,
  QueueListSchema,
  RetryNowInput,
  RetryNowResultSchema,
  SyncApplyInput,
  SyncApplyResultSchema,
  SyncPreviewInput,
  SyncPreviewSchema,
} from './schemas/sync';
import {
  DemoStatusSchema,
  LeaveDemoResultSchema,
  OpenDemoResultSchema,
  StorageStatusSchema,
} from './schemas/system';
import { SharingStatusSchema, UpdateSharingInput } from './schemas/sharing';
import { ForwardingStatusSchema, UpdateForwardingInput } from './schemas/forwarding';
import {
  AcknowledgeAlertInput,
  AlertListInput,
  AlertListSchema,
  AlertRaisedSchema,
  AlertRulesSchema,
  AlertSchema,
  ResolveAlertInput,
  UpdateAlertRulesAndMailInput,
  AlertEmailListSchema,
} from './schemas/alerts';
import {
  InsightsActivityInput,
  InsightsActivitySchema,
  InsightsJobsSchema,
  InsightsRangeInput,
  InsightsRoutersSchema,
} from './schemas/insights';
import {
  BackupSettingsSchema,
  JobSchema,
  RunJobInput,
  UpdateBackupSettingsInput,
} from './schemas/jobs';
import { CancelTaskInput, TASK_KINDS, TaskSchema } from './schemas/tasks';

/**
 * Who may call a procedure: `public` needs no session (only the first-run and login flow),
 * `session` needs any signed-in staff member, otherwise the named permission.
 * The dispatcher enforces this for every call, before the input is even parsed.
 */
export type Access = 'public' | 'session' | Permission;

type Procedure = { input: z.ZodType; output: z.ZodType; access: Access };

const proc = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) => ({
  access,
  input,
  output,
});

export const api = {
  'auth.status': proc('public', Empty, AuthStatusSchema),
  'auth.setup': proc('public', SetupInput, SessionUserSchema),
  'auth.login': proc('public', LoginInput, SessionUserSchema),
  'auth.logout': proc('session', Empty, z.null()),
  'auth.changePassword': proc('session', ChangePasswordInput, z.null()),
  // The demo office: sign-in hints while it is open; opening it only while no account exists.
  'system.demo': proc('public', Empty, DemoStatusSchema),
  'system.openDemo': proc('public', Empty, OpenDemoResultSchema),
  // Back from the demo office to the office (its first-run screen when it has no accounts yet).
  'system.leaveDemo': proc('public', Empty, LeaveDemoResultSchema),
  // Free space on the data folder's disk, for the low-space banner (null before the first check).
  'system.storage': proc('session', Empty, StorageStatusSchema.nullable()),

  'sessions.listMine': proc('session', Empty, z.array(SessionSchema)),
  'sessions.listAll': proc('sessions.manage', Empty, z.array(SessionSchema)),
  // Own sessions need no permission; ending someone else's is checked in the core.
  'sessions.end': proc('session', EndSessionInput, z.null()),

  'staff.list': proc('staff.manage', Empty, z.array(StaffSchema)),
  'staff.create': proc('staff.manage', CreateStaffInput, StaffSchema),
  'staff.update': proc('staff.manage', UpdateStaffInput, StaffSchema),
  'staff.resetPassword': proc('staff.manage', ResetPasswordInput, StaffSchema),
  'staff.unlock': proc('staff.manage', StaffIdInput, StaffSchema),

  'activity.search': proc('activity.read', ActivitySearchInput, ActivitySearchOutputSchema),
  'activity.countAfter': proc('activity.read', ActivityCountAfterInput, ActivityCountSchema),
  'activity.histogram': proc('activity.read', ActivityStatsInput, ActivityHistogramSchema),
  'activity.facets': proc('activity.read', ActivityStatsInput, ActivityFacetsSchema),
  'activity.get': proc('activity.read', ActivityGetInput, ActivityEntrySchema),
  'activity.verify': proc('activity.verify', ActivitySourceInput, VerifyResultSchema),
  'activity.archives': proc('activity.read', Empty, z.array(ArchiveSchema)),
  'activity.archive': proc('activity.retention', ArchiveInput, ArchiveResultSchema),
  'activity.checkpoints': proc('activity.read', Empty, CheckpointListSchema),
  'searches.list': proc('activity.read', Empty, z.array(SavedSearchSchema)),
  'searches.save': proc('activity.read', SaveSearchInput, SavedSearchSchema),
  'searches.delete': proc('activity.read', z.strictObject({ id: IdSchema }), z.null()),

  'plans.list': proc('clients.read', PlanListInput, z.array(PlanSchema)),
  'plans.get': proc('clients.read', PlanIdInput, PlanSchema),
  'plans.create': proc('plans.manage', CreatePlanInput, PlanSchema),
  'plans.update': proc('plans.manage', UpdatePlanInput, PlanSchema),
  'plans.retire': proc('plans.manage', PlanIdInput, PlanSchema),
  // Only a plan nothing ever referred to; anything else is retired instead.
  'plans.delete': proc('plans.manage', PlanIdInput, z.null()),

  'clients.list': proc('clients.read', ClientListInput, ClientListOutputSchema),
  'clients.get': proc('clients.read', ClientIdInput, ClientSchema),
  'clients.create': proc('clients.manage', CreateClientInput, ClientSchema),
  'clients.update': proc('clients.manage', UpdateClientInput, ClientSchema),
  'clients.archive': proc('clients.manage', ArchiveClientInput, ClientSchema),
  'clients.restore': proc('clients.manage', ClientIdInput, ClientSchema),
  'clients.revealPassword': proc('clients.revealPassword', ClientIdInput, RevealedPasswordSchema),
  // Dry run: every row that would be rejected and why; writes nothing.
  'clients.importPreview': proc('clients.import', ImportInput, ImportPreviewSchema),
  'clients.importCommit': proc('clients.import', ImportInput, ImportResultSchema),
  // h15-money: router names for the clients filter and pages; payments (list, totals).
  'clients.routers': proc('clients.read', Empty, z.array(RouterNameSchema)),
  'payments.list': proc('reports.financial', PaymentListInput, PaymentListSchema),

  'billing.ledger': proc('billing.read', LedgerInput, LedgerOutputSchema),
  // A payment that renews (explicitly, or by default for an expired client) also needs billing.renew.
  'billing.pay': proc('billing.pay', PayInput, MoneyResultSchema),
  'billing.refund': proc('billing.refund', RefundInput, MoneyResultSchema),
  // Above the configured limit the core also requires billing.adjustAboveLimit.
  'billing.adjust': proc('billing.adjust', AdjustInput, MoneyResultSchema),
  'billing.renew': proc('billing.renew', RenewInput, MoneyResultSchema),
  'billing.void': proc('billing.void', VoidInput, MoneyResultSchema),
  'billing.correctExpiry': proc('billing.correctExpiry', CorrectExpiryInput, ClientSchema),
  'receipts.get': proc('billing.read', ReceiptInput, ReceiptSchema),

  'reports.drawer': proc('reports.financial', DrawerInput, DrawerReportSchema),
  'reports.income': proc('reports.financial', IncomeInput, IncomeReportSchema),
  'reports.expiring': proc('clients.read', ExpiringInput, ExpiringReportSchema),
  'reports.dashboard': proc('clients.read', DashboardInput, DashboardSchema),

  'settings.get': proc('session', Empty, BillingSettingsSchema),
  'settings.update': proc('settings.manage', UpdateSettingsInput, BillingSettingsSchema),

  'routers.list': proc('routers.read', Empty, z.array(RouterSchema)),
  'routers.get': proc('routers.read', RouterIdInput, RouterSchema),
  'routers.create': proc('routers.manage', CreateRouterInput, RouterSchema),
  'routers.update': proc('routers.manage', UpdateRouterInput, RouterSchema),
  // Disabled routers are neither polled nor pushed to; their queue waits.
  'routers.disable': proc('routers.manage', RouterIdInput, RouterSchema),
  'routers.enable': proc('routers.manage', RouterIdInput, RouterSchema),
  // Only a router no (non-archived) client is served by; its queue and history go with it.
  'routers.delete': proc('routers.manage', RouterIdInput, z.null()),
  // Never fails for a router problem: the result says what went wrong in plain words.
  'routers.testConnection': proc('routers.manage', TestConnectionInput, TestConnectionResultSchema),
  'routers.health': proc('routers.read', RouterHealthInput, RouterHealthSchema),
  'routers.settings': proc('routers.read', Empty, NetworkSettingsSchema),
  'routers.updateSettings': proc(
    'routers.manage',
    UpdateNetworkSettingsInput,
    NetworkSettingsSchema,
  ),
  'sync.queue': proc('routers.read', QueueListInput, QueueListSchema),
  'sync.retryNow': proc('sync.run', RetryNowInput, RetryNowResultSchema),
  // Dry run: reads the routers, writes nothing.
  'sync.preview': proc('routers.read', SyncPreviewInput, SyncPreviewSchema),
  'sync.apply': proc('sync.run', SyncApplyInput, SyncApplyResultSchema),
  'expiry.run': proc('sync.run', Empty, ExpiryRunSchema),

  'jobs.list': proc('jobs.read', Empty, z.array(JobSchema)),
  // Waits for the run and answers the job as it is afterwards; a job already running is refused
  // (conflict) rather than queued, so a double click never runs it twice.
  'jobs.runNow': proc('jobs.run', RunJobInput, JobSchema),
  'backup.settings': proc('jobs.read', Empty, BackupSettingsSchema),
  'backup.updateSettings': proc('settings.manage', UpdateBackupSettingsInput, BackupSettingsSchema),
  // Sharing this workstation with the office (the desktop app serves browsers on the LAN).
  'sharing.status': proc('settings.manage', Empty, SharingStatusSchema),
  'sharing.update': proc('settings.manage', UpdateSharingInput, SharingStatusSchema),
  // Long tasks (export, verify, archive, backup): the caller's own running ones; cancelling
  // one's own needs no permission, someone else's needs tasks.manage (checked in the core).
  'tasks.list': proc('session', Empty, z.array(TaskSchema)),
  'tasks.cancel': proc('session', CancelTaskInput, TaskSchema),
  // issue 15 (h15-office): the kept health history over a range, averaged into buckets
  'routers.healthHistory': proc(
    'routers.read',
    RouterHealthHistoryInput,
    RouterHealthHistorySchema,
  ),
  // Everyone reads the office profile (it heads every receipt); administrators change it.
  'office.profile': proc('session', Empty, OfficeProfileSchema),
  'office.updateProfile': proc('settings.manage', UpdateOfficeProfileInput, OfficeProfileSchema),
  // Forwarding the log to the office's syslog receiver: where it stands (Jobs screen), settings.
  'forwarding.status': proc('jobs.read', Empty, ForwardingStatusSchema),
  'forwarding.update': proc('settings.manage', UpdateForwardingInput, ForwardingStatusSchema),
  // Alerts raised by the rules over the log; administrators only (they name staff, addresses and
  // money), viewers included in nothing here.
  'alerts.list': proc('alerts.read', AlertListInput, AlertListSchema),
  'alerts.acknowledge': proc('alerts.manage', AcknowledgeAlertInput, AlertSchema),
  'alerts.resolve': proc('alerts.manage', ResolveAlertInput, AlertSchema),
  'alerts.rules': proc('alerts.read', Empty, AlertRulesSchema),
  'alerts.updateRules': proc('alerts.manage', UpdateAlertRulesAndMailInput, AlertRulesSchema),
  // h16-insights: the alert email send log; performance insights from rollups and job history
  'alerts.emails': proc('alerts.read', Empty, AlertEmailListSchema),
  'insights.activity': proc('insights.read', InsightsActivityInput, InsightsActivitySchema),
  'insights.jobs': proc('insights.read', InsightsRangeInput, InsightsJobsSchema),
  'insights.routers': proc('insights.read', InsightsRangeInput, InsightsRoutersSchema),
} as const satisfies Record<ProcedureName, Procedure>;

export const downloads = {
  'activity.export': { access: 'activity.export', input: ActivityExportInput },
  'activity.bundle': { access: 'activity.bundle', input: ActivityBundleInput },
  'clients.export': { access: 'clients.export', input: ClientExportInput },
  'payments.export': { access: 'reports.financial', input: PaymentExportInput },
} as const satisfies Record<DownloadName, { access: Access; input: z.ZodType }>;

export const events = {
  'activity.recorded': ActivityRecordedSchema,
  'session.ended': z.object({ reason: z.string() }),
  /**
   * Progress of a long task (integrity check, export, archive, backup), sent only to the session
   * that started it; `taskId` is the task's id (the one the caller chose, see schemas/tasks.ts).
   */
  'task.progress': z.object({
    taskId: z.string(),
    task: z.enum(TASK_KINDS),
    done: z.number().int(),
    total: z.number().int(),
  }),
  /** The data folder's disk went low on space or has enough again. */
  'system.storage': StorageStatusSchema,
  /** A new alert, to the signed-in sessions allowed to read alerts (administrators). */
  'alert.raised': AlertRaisedSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Api = typeof api;
export type In<K extends ProcedureName> = z.input<Api[K]['input']>;
export type Parsed<K extends ProcedureName> = z.output<Api[K]['input']>;
export type Out<K extends ProcedureName> = z.infer<Api[K]['output']>;
export type DownloadIn<K extends DownloadName> = z.input<(typeof downloads)[K]['input']>;
export type DownloadParsed<K extends DownloadName> = z.output<(typeof downloads)[K]['input']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

export const isProcedure = (name: string): name is ProcedureName =>
  (PROCEDURES as readonly string[]).includes(name);
export const isDownload = (name: string): name is DownloadName =>
  (DOWNLOADS as readonly string[]).includes(name);
