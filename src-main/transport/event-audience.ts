import { noticeFor } from '../contract/activity-notice';
import type { EventName } from '../contract/channels';
import type { EventPayload } from '../contract/api';
import type { SessionUser } from '../contract/schemas/auth';
import { logCategoriesOf } from '../domain/permissions';
import type { Core } from '../core/create-core';
import type { EventTarget } from '../core/shared/event-bus';

/** Notices for everyone signed in, whatever their role (the low-disk banner). */
const FOR_EVERY_SESSION: ReadonlySet<EventName> = new Set<EventName>(['system.storage']);

/** Events whose payload depends on who reads it: what the user may see of it, or null for none. */
const AS_SEEN_BY: {
  [K in EventName]?: (payload: EventPayload<K>, user: SessionUser) => EventPayload<K> | null;
} = {
  // New entries are counted only in the categories the role may read in the log.
  'activity.recorded': (notice, user) => noticeFor(notice, logCategoriesOf(user.role)),
};

/**
 * Who may receive a push event, and what of it, for every transport: a session that is still
 * valid and may read the activity log (activity notices, task progress), or any valid session for
 * the notices meant for everyone. An activity notice counts only the entries the session's role
 * may read, and is skipped when there are none. `ended` means the session is gone: tell the
 * window or stream `session.ended` and stop sending to it. Called once per session per event;
 * the payload is the same object for every session that sees all of it. An event meant for one
 * session (`to`: a task's progress goes to the session that started it) skips every other. A
 * session that must change its temporary password gets nothing but `session.ended`.
 */
export const eventAudience = <K extends EventName>(
  core: Core,
  token: string | null,
  where: { ip: string | null; workstation: string | null },
  event: K,
  payload: EventPayload<K>,
  to?: EventTarget,
): { send: EventPayload<K> } | 'skip' | 'ended' => {
  if (token === null) return 'skip';
  if (to && 'sessionId' in to && core.services.guard.sessionIdOf(token) !== to.sessionId) {
    return 'skip';
  }
  const user = core.services.guard.listener(token, { ...where, correlationId: 'events' });
  if (!user) return 'ended';
  if (to && 'permission' in to && !user.permissions.includes(to.permission)) return 'skip';
  // A session on a temporary password hears only that it ended (its stream stays open for that).
  if (user.mustChangePassword) return 'skip';
  if (!FOR_EVERY_SESSION.has(event) && !user.permissions.includes('activity.read')) return 'skip';
  const asSeen = AS_SEEN_BY[event];
  const shown = asSeen ? asSeen(payload, user) : payload;
  return shown === null ? 'skip' : { send: shown };
};
