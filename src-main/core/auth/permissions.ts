import { PERMISSIONS, type Permission, type Role } from '../../contract/roles';

/** The one place that says what each role may do. Checked in the core for every call. */
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
  ],
};

export const permissionsOf = (role: Role): ReadonlySet<Permission> =>
  new Set(ROLE_PERMISSIONS[role]);
