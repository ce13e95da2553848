import { PERMISSIONS, type Permission, type Role } from '../contract/roles';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '../contract/schemas/activity';

/**
 * The one place that says what each role may do. The core checks it on every call and sends the
 * signed-in user's list to the renderer, which shows only what that list allows.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  // Takes money and renews; adjusts only up to the configured limit; no refunds, voids or plans.
  cashier: [
    'activity.read',
    'clients.read',
    'billing.read',
    'billing.pay',
    'billing.renew',
    'billing.adjust',
    'reports.financial',
  ],
  // Manages clients and plans; sees balances but moves no money.
  technician: [
    'activity.read',
    'clients.read',
    'clients.manage',
    'clients.revealPassword',
    'clients.import',
    'clients.export',
    'plans.manage',
    'billing.read',
    'routers.read',
    'routers.manage',
    'sync.run',
    'jobs.read',
  ],
  // Reads everything, changes nothing.
  viewer: [
    'activity.read',
    'activity.export',
    'activity.verify',
    'clients.read',
    'clients.export',
    'billing.read',
    'reports.financial',
    'routers.read',
    'jobs.read',
    'insights.read',
  ],
};

export const permissionsOf = (role: Role): ReadonlySet<Permission> =>
  new Set(ROLE_PERMISSIONS[role]);

const allBut = (...hidden: ActivityCategory[]): readonly ActivityCategory[] =>
  ACTIVITY_CATEGORIES.filter((c) => !hidden.includes(c));

/**
 * Which activity-log entries each role may read, by the entry's category: the log shows no more
 * than the role may see elsewhere. Search, histogram, facets, export, single entries, the live
 * tail and the dashboard all apply it; verification still checks the whole chain.
 */
const LOG_CATEGORIES: Record<Role, readonly ActivityCategory[]> = {
  administrator: ACTIVITY_CATEGORIES,
  // No routers or scheduled jobs to see.
  cashier: allBut('network', 'auto_sync', 'health_check', 'scheduled_task'),
  // No money: payments, refunds, adjustments and reports are financial entries.
  technician: allBut('financial'),
  viewer: ACTIVITY_CATEGORIES,
};

/** The categories of log entries the role may read; null when it may read every entry. */
export const logCategoriesOf = (role: Role): readonly ActivityCategory[] | null =>
  LOG_CATEGORIES[role].length === ACTIVITY_CATEGORIES.length ? null : LOG_CATEGORIES[role];
