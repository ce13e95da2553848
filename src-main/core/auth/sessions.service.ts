import type { SessionInfo } from '../../contract/schemas/auth';
import { AppError } from '../shared/app-error';
import type { Actor, ServiceContext } from '../shared/context';
import type { AuthDeps } from './auth-deps';
import type { SessionGuard } from './session-guard';
import type { SessionWithStaff } from './sessions.repo';

export const createSessionsService = (
  deps: AuthDeps & { authorize: SessionGuard['authorize'] },
) => {
  const { authorize } = deps;
  const { clock, policy } = deps;

  const live = (list: SessionWithStaff[]) => {
    const now = clock.now();
    return list.filter(
      (s) => now < s.absoluteExpiresAt && now < s.lastSeenAt + policy.idleTimeoutMs,
    );
  };
  const toInfo = (s: SessionWithStaff, actor: Actor): SessionInfo => ({
    id: s.id,
    staffId: s.staffId,
    username: s.username,
    displayName: s.displayName,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    idleExpiresAt: Math.min(s.lastSeenAt + policy.idleTimeoutMs, s.absoluteExpiresAt),
    absoluteExpiresAt: s.absoluteExpiresAt,
    ip: s.ip,
    workstation: s.workstation,
    current: s.id === actor.sessionId,
  });

  return {
    listMine: (actor: Actor): SessionInfo[] =>
      live(deps.sessions.open(actor.staffId)).map((s) => toInfo(s, actor)),

    listAll: (actor: Actor): SessionInfo[] =>
      live(deps.sessions.open()).map((s) => toInfo(s, actor)),

    /** Anyone may end their own sessions; ending someone else's needs `sessions.manage`. */
    end: (sessionId: string, ctx: ServiceContext & { actor: Actor }): void => {
      const s = deps.sessions.byId(sessionId);
      if (!s) throw new AppError('not_found', 'No such session.');
      const own = s.staffId === ctx.actor.staffId;
      if (!own) authorize(ctx.actor, 'sessions.manage', 'sessions.end', ctx);
      if (s.endedAt !== null) return;
      deps.write(() => {
        deps.sessions.end(s.id, clock.now(), own ? 'ended_by_owner' : 'ended_by_administrator');
        deps.recorder.record({
          event: 'auth.session.ended',
          params: { username: s.username, endedBy: ctx.actor.username },
          ctx,
          target: { type: 'staff', id: s.staffId, label: s.username },
          details: { sessionId: s.id, ip: s.ip, workstation: s.workstation },
        });
      });
    },
  };
};

export type SessionsService = ReturnType<typeof createSessionsService>;
