import type { Core } from '../core/create-core';

/**
 * Who may receive a push event (activity notices, task progress), for every transport: a session
 * that is still valid and may read the activity log. `ended` means the session is gone: tell the
 * window or stream `session.ended` and stop sending to it.
 */
export const eventAudience = (
  core: Core,
  token: string | null,
  where: { ip: string | null; workstation: string | null },
): 'send' | 'skip' | 'ended' => {
  if (token === null) return 'skip';
  const user = core.services.guard.current(token, { ...where, correlationId: 'events' });
  if (!user) return 'ended';
  return user.permissions.includes('activity.read') ? 'send' : 'skip';
};
