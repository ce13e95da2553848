// Names only, no imports: the sandboxed preload bundles this file and nothing else.
// api.ts checks at compile time that these lists match the contract exactly.

export const PROCEDURES = [
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.logout',
  'auth.changePassword',
  'sessions.listMine',
  'sessions.listAll',
  'sessions.end',
  'staff.list',
  'staff.create',
  'staff.update',
  'staff.resetPassword',
  'staff.unlock',
  'activity.search',
  'activity.get',
  'activity.histogram',
  'activity.facets',
  'activity.verify',
  'activity.archives',
  'activity.archive',
  'activity.checkpoints',
  'searches.list',
  'searches.save',
  'searches.remove',
  'plans.list',
  'plans.get',
  'plans.create',
  'plans.update',
  'plans.retire',
  'plans.delete',
  'clients.list',
  'clients.get',
  'clients.create',
  'clients.update',
  'clients.archive',
  'clients.restore',
  'clients.revealPassword',
  'clients.importPreview',
  'clients.importCommit',
  'billing.ledger',
  'billing.pay',
  'billing.refund',
  'billing.adjust',
  'billing.renew',
  'billing.void',
  'receipts.get',
  'reports.drawer',
  'reports.income',
  'reports.expiring',
  'reports.dashboard',
  'settings.get',
  'settings.update',
] as const;

/** Calls that produce a file instead of a JSON value (HTTP: streamed body; Electron: save dialog). */
export const DOWNLOADS = ['activity.export', 'clients.export'] as const;

export const EVENTS = ['activity.recorded', 'session.ended', 'task.progress'] as const;

export type ProcedureName = (typeof PROCEDURES)[number];
export type DownloadName = (typeof DOWNLOADS)[number];
export type EventName = (typeof EVENTS)[number];
