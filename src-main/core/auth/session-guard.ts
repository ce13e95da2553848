import type { ProcedureName } from '../../contract/channels';
import type { Permission } from '../../contract/roles';
import type { SessionUser } from '../../contract/schemas/auth';
import { AppError } from '../shared/app-error';
import type { Actor, RequestMeta } from '../shared/context';
import type { AuthDeps } from './auth-deps';
import { hashToken } from './session-token';
import { toActor, toSessionUser } from './session-user';
import type { SessionRecord } from './sessions.repo';
import type { StaffRecord } from './staff.repo';

/** Only refresh last-seen this often, so that reading does not write on every call. */
const TOUCH_EVERY_MS = 15_000;

/**
 * All a session may call while its account must change its temporary password, and the browser's
 * event stream (GET /api/events), which tells that very screen when its session ends.
 */
const WHILE_PASSWORD_MUST_CHANGE: ReadonlySet<string> = new Set<ProcedureName | 'api.events'>([
  'auth.status',
  'auth.changePassword',
  'auth.logout',
  'api.events',
]);

/** Turns a bearer token into an Actor for one call, ending sessions that ran out of time. */
export const createSessionGuard = (deps: AuthDeps & { hostIp: string }) => {
  const { clock, write, recorder, policy } = deps;

  const timedOutReason = (s: SessionRecord, now: number): 'idle' | 'lifetime' | null => {
    if (now >= s.absoluteExpiresAt) return 'lifetime';
    if (now >= s.lastSeenAt + policy.idleTimeoutMs) return 'idle';
    return null;
  };

  /** Ends a timed-out session and logs it once (a System event: no actor). */
  const expire = (
    s: SessionRecord,
    who: StaffRecord | { id: number; username: string },
    reason: 'idle' | 'lifetime',
    meta: RequestMeta,
  ) =>
    write(() => {
      deps.sessions.end(s.id, clock.now(), reason === 'idle' ? 'idle_timeout' : 'lifetime');
      recorder.record({
        event: 'auth.session.expired',
        params: { username: who.username, reason },
        ctx: { ...meta, actor: null },
        target: { type: 'staff', id: who.id, label: who.username },
        details: { sessionId: s.id, lastSeenAt: s.lastSeenAt, createdAt: s.createdAt },
      });
    });

  /** `touch`: whether this counts as the person using the app (push events do not). */
  const resolve = (
    token: string | null,
    meta: RequestMeta,
    touch = true,
  ): { actor: Actor; staff: StaffRecord } | null => {
    if (!token) return null;
    const session = deps.sessions.byTokenHash(hashToken(token));
    if (!session || session.endedAt !== null) return null;
    const staff = deps.staff.byId(session.staffId);
    if (!staff) return null;
    const now = clock.now();
    if (staff.disabled) {
      write(() => deps.sessions.end(session.id, now, 'staff_disabled'));
      return null;
    }
    const reason = timedOutReason(session, now);
    if (reason) {
      expire(session, staff, reason, meta);
      return null;
    }
    if (touch && now - session.lastSeenAt >= TOUCH_EVERY_MS) deps.sessions.touch(session.id, now);
    return { actor: toActor(staff, session.id), staff };
  };

  return {
    /** The signed-in user for `auth.status`, or null; never throws. */
    current: (token: string | null, meta: RequestMeta): SessionUser | null => {
      const r = resolve(token, meta);
      return r ? toSessionUser(r.staff) : null;
    },

    /**
     * The signed-in user a push event may go to, or null. Unlike `current`, it never refreshes
     * the session: events arriving in an open tab must not keep an unattended session alive past
     * its idle timeout.
     */
    listener: (token: string | null, meta: RequestMeta): SessionUser | null => {
      const r = resolve(token, meta, false);
      return r ? toSessionUser(r.staff) : null;
    },

    /** The id of the session a token belongs to (events meant for one session), or null. */
    sessionIdOf: (token: string): string | null =>
      deps.sessions.byTokenHash(hashToken(token))?.id ?? null,

    /**
     * The actor of a signed-in session calling `procedure`. A session whose account must change
     * its temporary password may call nothing but that (and sign out): anything else is refused
     * and logged.
     */
    authenticate: (token: string | null, meta: RequestMeta, procedure: string): Actor => {
      const r = resolve(token, meta);
      if (!r) throw new AppError('unauthenticated', 'Please sign in.');
      if (r.staff.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(procedure)) {
        recorder.record({
          event: 'auth.password.change_required',
          params: { username: r.staff.username, procedure },
          ctx: { ...meta, actor: r.actor },
          target: { type: 'staff', id: r.staff.id, label: r.staff.username },
          details: { procedure },
        });
        throw new AppError(
          'password_change_required',
          'Change your temporary password before doing anything else.',
        );
      }
      return r.actor;
    },

    /** Refuses, and logs the refusal, when the actor lacks the permission. */
    authorize: (
      actor: Actor,
      permission: Permission,
      procedure: string,
      meta: RequestMeta,
    ): void => {
      if (actor.permissions.has(permission)) return;
      recorder.record({
        event: 'auth.permission.denied',
        params: { username: actor.username, procedure, permission },
        outcome: 'failure',
        ctx: { ...meta, actor },
        details: { procedure, permission, role: actor.role },
      });
      throw new AppError('forbidden', `Your role (${actor.role}) may not do this.`);
    },

    /** Ends and logs sessions that timed out while nobody used them (run by the scheduler). */
    sweep: (correlationId: string): number => {
      const now = clock.now();
      const stale = deps.sessions.timedOut(now, policy.idleTimeoutMs);
      for (const s of stale) {
        const reason = timedOutReason(s, now) ?? 'idle';
        expire(s, { id: s.staffId, username: s.username }, reason, {
          ip: deps.hostIp,
          workstation: null,
          correlationId,
        });
      }
      return stale.length;
    },
  };
};

export type SessionGuard = ReturnType<typeof createSessionGuard>;
