import { createContext, useContext } from 'react';
import type { Permission } from '@contract/roles';
import type { SessionUser } from '@contract/schemas/auth';

export type SessionContextValue = {
  user: SessionUser;
  can: (permission: Permission) => boolean;
  /** Ends the session on the server (best effort) and returns to the login screen. */
  signOut: () => Promise<void>;
  /** Forgets the session locally (e.g. after ending the current session from the list). */
  endedLocally: (notice?: string) => void;
};

/**
 * What the renderer lets a signed-in user do: exactly the permissions the core sent for them (the
 * core takes them from its role map, src-main/domain/permissions.ts). The renderer keeps no role
 * map of its own; the core checks every call again.
 */
export const userCan = (user: Pick<SessionUser, 'permissions'>, permission: Permission): boolean =>
  user.permissions.includes(permission);

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in staff member; only available inside the authenticated app. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside the signed-in app');
  return value;
}
