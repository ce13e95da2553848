export const ROLES = ['administrator', 'cashier', 'technician', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a procedure can require. The role → permission map lives in the core. */
export const PERMISSIONS = [
  'activity.read',
  'activity.export',
  'activity.verify',
  'staff.manage',
  'sessions.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
