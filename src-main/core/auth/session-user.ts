import type { SessionUser } from '../../contract/schemas/auth';
import type { Actor } from '../shared/context';
import { permissionsOf } from '../../domain/permissions';
import type { StaffRecord } from './staff.repo';

export const toActor = (s: StaffRecord, sessionId: string): Actor => ({
  staffId: s.id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  permissions: permissionsOf(s.role),
  sessionId,
});

export const toSessionUser = (s: StaffRecord): SessionUser => ({
  staffId: s.id,
  username: s.username,
  displayName: s.displayName,
  role: s.role,
  permissions: [...permissionsOf(s.role)],
  mustChangePassword: s.mustChangePassword,
});
