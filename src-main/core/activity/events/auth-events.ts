import { defineEvent } from '../define-event';

export type LoginFailureReason = 'unknown_user' | 'wrong_password' | 'locked' | 'disabled';

const REASON_TEXT: Record<LoginFailureReason, string> = {
  unknown_user: 'no such user',
  wrong_password: 'wrong password',
  locked: 'account locked',
  disabled: 'account disabled',
};

type Who = { username: string };

export const authEvents = {
  'auth.setup.completed': defineEvent<Who>(
    'administrative',
    'authentication',
    'success',
    (p) => `First administrator "${p.username}" created at first-run setup`,
  ),
  'auth.setup.refused': defineEvent<Who>(
    'administrative',
    'authentication',
    'failure',
    (p) => `First-run setup as "${p.username}" refused: staff accounts already exist`,
  ),
  'auth.login.succeeded': defineEvent<Who>(
    'user',
    'authentication',
    'success',
    (p) => `${p.username} signed in`,
  ),
  'auth.login.failed': defineEvent<Who & { reason: LoginFailureReason }>(
    'user',
    'authentication',
    'failure',
    (p) => `Failed sign-in as "${p.username}": ${REASON_TEXT[p.reason]}`,
  ),
  'auth.account.locked': defineEvent<Who & { failures: number; lockSeconds: number }>(
    'system',
    'authentication',
    'failure',
    (p) =>
      `Account "${p.username}" locked for ${String(p.lockSeconds)} s after ${String(p.failures)} failed sign-ins`,
  ),
  'auth.logout': defineEvent<Who>(
    'user',
    'authentication',
    'success',
    (p) => `${p.username} signed out`,
  ),
  'auth.session.expired': defineEvent<Who & { reason: 'idle' | 'lifetime' }>(
    'system',
    'authentication',
    'success',
    (p) =>
      `Session of ${p.username} expired (${p.reason === 'idle' ? 'idle timeout' : 'maximum lifetime reached'})`,
  ),
  'auth.session.ended': defineEvent<Who & { endedBy: string }>(
    'user',
    'authentication',
    'success',
    (p) =>
      p.endedBy === p.username
        ? `${p.username} ended one of their sessions`
        : `${p.endedBy} ended a session of ${p.username}`,
  ),
  'auth.password.changed': defineEvent<Who>(
    'user',
    'authentication',
    'success',
    (p) => `${p.username} changed their password`,
  ),
  'auth.password.change_failed': defineEvent<Who>(
    'user',
    'authentication',
    'failure',
    (p) => `${p.username} failed to change their password: current password wrong`,
  ),
  'auth.password.change_required': defineEvent<Who & { procedure: string }>(
    'user',
    'authentication',
    'failure',
    (p) => `${p.username} was refused ${p.procedure}: the temporary password must be changed first`,
  ),
  'auth.permission.denied': defineEvent<Who & { procedure: string; permission: string }>(
    'user',
    'authentication',
    'failure',
    (p) => `${p.username} was denied ${p.procedure} (needs ${p.permission})`,
  ),
};
