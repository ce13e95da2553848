import type { Staff } from '@contract/schemas/staff';

export type StaffStatus = 'active' | 'disabled' | 'locked';

/** Disabled wins over locked: a disabled account cannot sign in even once the lock expires. */
export const staffStatus = (staff: Staff, now: number): StaffStatus => {
  if (staff.disabled) return 'disabled';
  if (staff.lockedUntil !== null && staff.lockedUntil > now) return 'locked';
  return 'active';
};

export const STATUS_LABELS: Record<StaffStatus, string> = {
  active: 'Active',
  disabled: 'Disabled',
  locked: 'Locked',
};

export const STATUS_COLORS: Record<StaffStatus, string> = {
  active: 'teal',
  disabled: 'gray',
  locked: 'orange',
};
