import type { EventName } from '../contract/channels';
import type { Core } from '../core/create-core';

/** Notices for everyone signed in, whatever their role (the low-disk banner). */
const FOR_EVERY_SESSION: ReadonlySet<EventName> = new Set<EventName>(['system.storage']);

/**
 * Who may receive a push event, for every transport: a session that is still valid and may read
 * the activity log (activity notices, task progress), or any valid session for the notices meant
 * for everyone. `ended` means the session is gone: tell the window or stream `session.ended` and
 * stop sending to it.
 */
export const eventAudience = (
  core: Core,
  token: string | null,
  where: { ip: string | null; workstation: string | null },
  event: EventName,
): 'send' | 'skip' | 'ended' => {
  if (token === null) return 'skip';
  const user = core.services.guard.current(token, { ...where, correlationId: 'events' });
  if (!user) return 'ended';
  if (FOR_EVERY_SESSION.has(event)) return 'send';
  return user.permissions.includes('activity.read') ? 'send' : 'skip';
};
