import type { Permission, Role } from '../../contract/roles';

/** A signed-in staff member, resolved from their session for one call. */
export type Actor = {
  staffId: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  sessionId: string;
};

/** Where a call comes from; every activity-log entry written for it carries these. */
export type RequestMeta = {
  ip: string | null;
  workstation: string | null;
  /** One user action and everything it caused share this id. */
  correlationId: string;
};

export type ServiceContext = RequestMeta & { actor: Actor | null };
