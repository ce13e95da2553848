import { createHash, randomBytes } from 'node:crypto';
import { randomId } from '../shared/ids';
import type { AuthDeps } from './auth-deps';
import type { SessionRecord } from './sessions.repo';

export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/** Opens a session (inside the caller's transaction) and returns its bearer token. */
export const openSession = (
  deps: AuthDeps,
  staffId: number,
  meta: { ip: string | null; workstation: string | null },
): { token: string; session: SessionRecord } => {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const session: SessionRecord = {
    id: randomId(12),
    tokenHash: hashToken(token),
    staffId,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: now + deps.policy.absoluteLifetimeMs,
    ip: meta.ip ?? 'unknown',
    workstation: meta.workstation,
    endedAt: null,
    endReason: null,
  };
  deps.sessions.insert(session);
  return { token, session };
};
