import type { ActivityEntry } from '@contract/schemas/activity';
import type { SessionUser } from '@contract/schemas/auth';
import type { Staff } from '@contract/schemas/staff';
import { permissionsOf } from '@domain/permissions';

/** A signed-in administrator, with the permissions the core gives that role. */
export const adminUser = (overrides: Partial<SessionUser> = {}): SessionUser => ({
  staffId: 1,
  username: 'admin',
  displayName: 'Ada Admin',
  role: 'administrator',
  permissions: [...permissionsOf('administrator')],
  mustChangePassword: false,
  ...overrides,
});

export const activityEntry = (
  id: number,
  overrides: Partial<ActivityEntry> = {},
): ActivityEntry => ({
  id,
  ts: Date.UTC(2025, 0, 15, 10, 30, id % 60),
  type: 'user',
  category: 'client',
  event: 'client.updated',
  outcome: 'success',
  actor: { id: 2, name: 'Carla Cashier' },
  ip: '10.0.0.7',
  workstation: 'FRONT-DESK',
  description: `Updated client #${id}`,
  target: { type: 'client', id: '42', label: 'Jane Doe' },
  clientId: 42,
  routerId: null,
  details: null,
  correlationId: `corr-${id}`,
  hash: 'ab'.repeat(32),
  ...overrides,
});

export const staffMember = (id: number, overrides: Partial<Staff> = {}): Staff => ({
  id,
  username: `user${id}`,
  displayName: `User ${id}`,
  role: 'cashier',
  disabled: false,
  lockedUntil: null,
  failedLogins: 0,
  mustChangePassword: false,
  createdAt: Date.UTC(2024, 5, 1),
  lastLoginAt: null,
  ...overrides,
});
