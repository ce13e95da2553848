import { PERMISSIONS, type Permission, type Role } from '../../contract/roles';

/** The one place that says what each role may do. Checked in the core for every call. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  cashier: ['activity.read'],
  technician: ['activity.read'],
  viewer: ['activity.read', 'activity.export', 'activity.verify'],
};

export const permissionsOf = (role: Role): ReadonlySet<Permission> =>
  new Set(ROLE_PERMISSIONS[role]);
