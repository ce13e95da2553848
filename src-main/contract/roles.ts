export const ROLES = ['administrator', 'cashier', 'technician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a procedure can require. The role → permission map is src-main/domain/permissions.ts. */
export const PERMISSIONS = [
  'activity.read',
  'activity.export',
  'activity.verify',
  'activity.retention',
  /** Evidence bundles for auditors: entries with the chain and signed checkpoints that prove them. */
  'activity.bundle',
  'staff.manage',
  'sessions.manage',
  'clients.read',
  'clients.manage',
  'clients.revealPassword',
  'clients.import',
  'clients.export',
  'plans.manage',
  'billing.read',
  'billing.pay',
  'billing.renew',
  'billing.refund',
  'billing.adjust',
  /** Adjustments larger than the configured limit. */
  'billing.adjustAboveLimit',
  'billing.void',
  /** Move a client's expiry date by hand (no money moves). */
  'billing.correctExpiry',
  'reports.financial',
  'settings.manage',
  /** See routers, their health, the router queue and drift previews. */
  'routers.read',
  /** Add, change, disable and remove routers; test connections; network settings. */
  'routers.manage',
  /** Apply auto-sync, retry queued router work, run expiry processing now. */
  'sync.run',
  /** See the scheduled jobs (last run, outcome, next run) and the backup settings. */
  'jobs.read',
  /** Run a scheduled job now. */
  'jobs.run',
  /** See and cancel other staff members' long tasks (exports, checks, archives, backups). */
  'tasks.manage',
  /** See the alerts raised by the rules over the log (and hear of new ones). */
  'alerts.read',
  /** Acknowledge and resolve alerts; change the rules' thresholds and the alert email. */
  'alerts.manage',
  /** The Insights screen: who works when, job durations, router latency and outages. */
  'insights.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
