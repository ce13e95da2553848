import { UsernameSchema, type SessionUser } from '../../contract/schemas/auth';
import { AppError, fieldError } from '../shared/app-error';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import { randomId } from '../shared/ids';
import type { LoginFailureReason } from '../activity/events/auth-events';
import type { AuthDeps } from './auth-deps';
import { lockDurationMs } from './auth-policy';
import { createIpThrottle } from './ip-throttle';
import { createLoginGate } from './login-gate';
import { needsRehash } from './password-hash';
import { requireStrongPassword } from './password-policy';
import { openSession } from './session-token';
import { toActor, toSessionUser } from './session-user';
import type { StaffRecord } from './staff.repo';

/** The one message for every failed sign-in, whatever the reason (the log keeps the reason). */
export const LOGIN_FAILED_MESSAGE = 'Invalid username or password.';

export type SignedIn = { user: SessionUser; token: string };

const normalizeUsername = (u: string) => u.normalize('NFKC').trim().toLowerCase();

/**
 * What the log keeps of a typed user name: the name as typed when it could be one (investigators
 * need unknown names), otherwise only its length, since it is most likely a password typed into
 * the wrong box.
 */
const typedUsernameForLog = (typed: string): string =>
  UsernameSchema.safeParse(typed).success
    ? typed.slice(0, 64)
    : `(not a user name, ${String(Array.from(typed).length)} characters)`;

export const createAuthService = (deps: AuthDeps) => {
  const { clock, write, recorder, policy } = deps;
  const { hash: hashPassword, verify: verifyPassword } = deps.hasher;
  const throttle = createIpThrottle(policy, () => clock.now());
  const gate = createLoginGate(policy, throttle, () => clock.now());
  /** Runs a password check once admitted (see login-gate.ts), after its address's slow-down. */
  const admitted = async <T>(meta: RequestMeta, check: () => Promise<T>): Promise<T> => {
    const admission = gate.admit(meta.ip ?? 'unknown');
    try {
      if (admission.waitMs > 0) await clock.sleep(admission.waitMs);
      return await check();
    } finally {
      admission.release();
    }
  };
  // Unknown usernames still pay for one scrypt, so timing does not tell which names exist.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => (dummyHash ??= hashPassword(randomId(), policy.scrypt));

  const signIn = (s: StaffRecord, meta: RequestMeta, rehash: string | null): SignedIn =>
    write(() => {
      const updated = deps.staff.update(s.id, {
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: clock.now(),
        ...(rehash ? { passwordHash: rehash } : {}),
      });
      const { token, session } = openSession(deps, s.id, meta);
      recorder.record({
        event: 'auth.login.succeeded',
        params: { username: s.username },
        ctx: { ...meta, actor: toActor(updated, session.id) },
        target: { type: 'staff', id: s.id, label: s.username },
        details: { sessionId: session.id },
      });
      return { user: toSessionUser(updated), token };
    });

  const loginFailed = (
    username: string,
    reason: LoginFailureReason,
    meta: RequestMeta,
    s?: StaffRecord,
  ): never => {
    throttle.failed(meta.ip ?? 'unknown');
    write(() => {
      if (s && reason === 'wrong_password') {
        const failures = s.failedLogins + 1;
        const locks = failures >= policy.lockAfterFailures;
        const lockMs = lockDurationMs(policy, failures);
        deps.staff.update(s.id, {
          failedLogins: failures,
          ...(locks ? { lockedUntil: clock.now() + lockMs } : {}),
        });
        if (locks) {
          recorder.record({
            event: 'auth.account.locked',
            params: { username: s.username, failures, lockSeconds: Math.round(lockMs / 1000) },
            ctx: { ...meta, actor: null },
            at: 'request',
            target: { type: 'staff', id: s.id, label: s.username },
            details: { failures, lockedUntil: clock.now() + lockMs },
          });
        }
      }
      const logged = typedUsernameForLog(username);
      recorder.record({
        event: 'auth.login.failed',
        params: { username: logged, reason },
        ctx: { ...meta, actor: null },
        ...(s ? { target: { type: 'staff', id: s.id, label: s.username } } : {}),
        details: { username: logged, reason },
      });
    });
    throw new AppError('invalid_credentials', LOGIN_FAILED_MESSAGE);
  };

  const service = {
    status: (): { setupRequired: boolean } => ({ setupRequired: deps.staff.count() === 0 }),

    /** First run only: creates the first administrator and signs them in. */
    setup: async (
      input: { username: string; displayName: string; password: string },
      meta: RequestMeta,
    ): Promise<SignedIn> => {
      const refuse = () => {
        recorder.record({
          event: 'auth.setup.refused',
          params: { username: input.username },
          ctx: { ...meta, actor: null },
        });
        return new AppError('conflict', 'Setup is already complete. Sign in instead.');
      };
      if (deps.staff.count() > 0) throw refuse();
      await requireStrongPassword(deps.hasher, input.password, input, 'password');
      const passwordHash = await hashPassword(input.password, policy.scrypt);
      const result = write(() => {
        if (deps.staff.count() > 0) return null; // another setup won the race
        const admin = deps.staff.insert({
          username: input.username,
          displayName: input.displayName,
          role: 'administrator',
          passwordHash,
          mustChangePassword: false,
          now: clock.now(),
        });
        const { token, session } = openSession(deps, admin.id, meta);
        const ctx: ServiceContext = { ...meta, actor: toActor(admin, session.id) };
        recorder.record({
          event: 'auth.setup.completed',
          params: { username: admin.username },
          ctx,
          target: { type: 'staff', id: admin.id, label: admin.username },
          details: {
            after: { username: admin.username, displayName: admin.displayName, role: admin.role },
          },
        });
        recorder.record({
          event: 'auth.login.succeeded',
          params: { username: admin.username },
          ctx,
          target: { type: 'staff', id: admin.id, label: admin.username },
          details: { sessionId: session.id },
        });
        return { user: toSessionUser(admin), token };
      });
      if (!result) throw refuse();
      return result;
    },

    login: async (
      input: { username: string; password: string },
      meta: RequestMeta,
    ): Promise<SignedIn> => {
      const username = normalizeUsername(input.username);
      const s = username ? deps.staff.byUsername(username) : undefined;
      const ok = await verifyPassword(input.password, s?.passwordHash ?? (await dummy()));
      if (!s) return loginFailed(input.username, 'unknown_user', meta);
      // Read again after the slow hash: another attempt may have locked the account meanwhile.
      const fresh = deps.staff.byId(s.id) ?? s;
      if (fresh.lockedUntil !== null && fresh.lockedUntil > clock.now()) {
        return loginFailed(username, 'locked', meta, fresh);
      }
      if (!ok) return loginFailed(username, 'wrong_password', meta, fresh);
      if (fresh.disabled) return loginFailed(username, 'disabled', meta, fresh);
      const rehash = needsRehash(fresh.passwordHash, policy.scrypt)
        ? await hashPassword(input.password, policy.scrypt)
        : null;
      throttle.succeeded(meta.ip ?? 'unknown');
      return signIn(fresh, meta, rehash);
    },

    logout: (ctx: ServiceContext & { actor: Actor }): void =>
      write(() => {
        deps.sessions.end(ctx.actor.sessionId, clock.now(), 'logout');
        recorder.record({
          event: 'auth.logout',
          params: { username: ctx.actor.username },
          ctx,
          target: { type: 'staff', id: ctx.actor.staffId, label: ctx.actor.username },
          details: { sessionId: ctx.actor.sessionId },
        });
      }),

    changePassword: async (
      input: { currentPassword: string; newPassword: string },
      ctx: ServiceContext & { actor: Actor },
    ): Promise<void> => {
      const s = deps.staff.byId(ctx.actor.staffId);
      if (!s) throw new AppError('unauthenticated', 'Your account no longer exists.');
      if (!(await verifyPassword(input.currentPassword, s.passwordHash))) {
        recorder.record({
          event: 'auth.password.change_failed',
          params: { username: s.username },
          ctx,
          target: { type: 'staff', id: s.id, label: s.username },
        });
        throw new AppError('invalid_credentials', 'The current password is wrong.');
      }
      if (input.newPassword === input.currentPassword) {
        const message = 'The new password must differ from the current one.';
        throw fieldError('validation', { path: ['newPassword'], message }, message);
      }
      await requireStrongPassword(deps.hasher, input.newPassword, s, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword, policy.scrypt);
      write(() => {
        const now = clock.now();
        deps.staff.update(s.id, {
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          updatedAt: now,
        });
        // Whoever else holds a session of this account must sign in with the new password.
        const others = deps.sessions.open(s.id).filter((x) => x.id !== ctx.actor.sessionId);
        for (const other of others) deps.sessions.end(other.id, now, 'password_changed');
        recorder.record({
          event: 'auth.password.changed',
          params: { username: s.username },
          ctx,
          target: { type: 'staff', id: s.id, label: s.username },
          details: { otherSessionsEnded: others.length },
        });
      });
    },
  };
  // Every password check goes through admission; the rest answers as is.
  return {
    ...service,
    setup: (input: Parameters<typeof service.setup>[0], meta: RequestMeta) =>
      admitted(meta, () => service.setup(input, meta)),
    login: (input: Parameters<typeof service.login>[0], meta: RequestMeta) =>
      admitted(meta, () => service.login(input, meta)),
    changePassword: (
      input: Parameters<typeof service.changePassword>[0],
      ctx: ServiceContext & { actor: Actor },
    ) => admitted(ctx, () => service.changePassword(input, ctx)),
  };
};

export type AuthService = ReturnType<typeof createAuthService>;
