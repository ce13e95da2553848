import type { Role } from '@contract/roles';
import { ROLES } from '@contract/roles';

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  cashier: 'Cashier',
  technician: 'Technician',
  viewer: 'Viewer',
};

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
