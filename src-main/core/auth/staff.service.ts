import type { Role } from '../../contract/roles';
import type { Staff } from '../../contract/schemas/staff';
import { AppError, fieldError } from '../shared/app-error';
import type { Actor, ServiceContext } from '../shared/context';
import type { AuthDeps } from './auth-deps';
import { requireStrongPassword } from './password-policy';
import { toStaff, type StaffRecord } from './staff.repo';
import { changeSet } from '../activity/change-set';

type Ctx = ServiceContext & { actor: Actor };

const visible = (s: StaffRecord) => ({
  displayName: s.displayName,
  role: s.role,
  disabled: s.disabled,
});

/** Administration of staff accounts. Every change is logged with its before and after values. */
/** A username another account holds; the sentence names the field already. */
const usernameTaken = (username: string): AppError => {
  const message = `The username "${username}" is already taken.`;
  return fieldError('conflict', { path: ['username'], message }, message);
};

export const createStaffService = (deps: AuthDeps) => {
  const { clock, write, recorder, policy } = deps;

  const load = (id: number): StaffRecord => {
    const s = deps.staff.byId(id);
    if (!s) throw new AppError('not_found', `Staff member ${String(id)} does not exist.`);
    return s;
  };
  const target = (s: StaffRecord) => ({ type: 'staff', id: s.id, label: s.username });
  /** Ends the account's open sessions; returns how many. */
  const endSessions = (staffId: number, reason: string): number => {
    const open = deps.sessions.open(staffId);
    for (const s of open) deps.sessions.end(s.id, clock.now(), reason);
    return open.length;
  };
  const lockState = (s: StaffRecord) => ({
    failedLogins: s.failedLogins,
    lockedUntil: s.lockedUntil,
  });

  return {
    list: (): Staff[] => deps.staff.list().map(toStaff),

    create: async (
      input: { username: string; displayName: string; role: Role; password: string },
      ctx: Ctx,
    ): Promise<Staff> => {
      if (deps.staff.byUsername(input.username)) {
        throw usernameTaken(input.username);
      }
      await requireStrongPassword(deps.hasher, input.password, input, 'password');
      const passwordHash = await deps.hasher.hash(input.password, policy.scrypt);
      return write(() => {
        if (deps.staff.byUsername(input.username)) {
          throw usernameTaken(input.username);
        }
        const s = deps.staff.insert({
          ...input,
          passwordHash,
          mustChangePassword: true,
          now: clock.now(),
        });
        recorder.record({
          event: 'staff.created',
          params: { by: ctx.actor.username, username: s.username, role: s.role },
          ctx,
          target: target(s),
          details: { after: { username: s.username, ...visible(s) } },
        });
        return toStaff(s);
      });
    },

    update: (
      input: { id: number; displayName?: string; role?: Role; disabled?: boolean },
      ctx: Ctx,
    ): Staff =>
      write(() => {
        const before = load(input.id);
        const demotesOrDisables =
          before.role === 'administrator' &&
          !before.disabled &&
          ((input.role !== undefined && input.role !== 'administrator') || input.disabled === true);
        if (demotesOrDisables && deps.staff.activeAdministrators() <= 1) {
          throw new AppError('conflict', 'At least one active administrator must remain.');
        }
        if (input.id === ctx.actor.staffId && input.disabled === true) {
          throw new AppError('conflict', 'You cannot disable your own account.');
        }
        const after = deps.staff.update(input.id, {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
          updatedAt: clock.now(),
        });
        const b = visible(before);
        const a = visible(after);
        const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => a[k] !== b[k]);
        if (changed.length === 0) return toStaff(after);
        if (after.disabled && !before.disabled) endSessions(after.id, 'staff_disabled');
        const change = changeSet(b, a, changed);
        recorder.record({
          event: 'staff.updated',
          params: { by: ctx.actor.username, username: after.username, changes: change.summary },
          ctx,
          target: target(after),
          details: change.details,
        });
        return toStaff(after);
      }),

    resetPassword: async (input: { id: number; newPassword: string }, ctx: Ctx): Promise<Staff> => {
      await requireStrongPassword(deps.hasher, input.newPassword, load(input.id), 'newPassword');
      const passwordHash = await deps.hasher.hash(input.newPassword, policy.scrypt);
      return write(() => {
        const now = clock.now();
        const before = load(input.id);
        const s = deps.staff.update(before.id, {
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: now,
          updatedAt: now,
        });
        const sessionsEnded = endSessions(s.id, 'password_reset');
        recorder.record({
          event: 'staff.password_reset',
          params: { by: ctx.actor.username, username: s.username },
          ctx,
          target: target(s),
          // The password itself is never logged, not even redacted.
          details: { before: lockState(before), after: lockState(s), sessionsEnded },
        });
        return toStaff(s);
      });
    },

    unlock: (id: number, ctx: Ctx): Staff =>
      write(() => {
        const before = load(id);
        const s = deps.staff.update(id, {
          failedLogins: 0,
          lockedUntil: null,
          updatedAt: clock.now(),
        });
        recorder.record({
          event: 'staff.unlocked',
          params: { by: ctx.actor.username, username: s.username },
          ctx,
          target: target(s),
          details: { before: lockState(before), after: lockState(s) },
        });
        return toStaff(s);
      }),
  };
};

export type StaffService = ReturnType<typeof createStaffService>;
