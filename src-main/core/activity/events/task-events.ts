import { defineEvent } from '../define-event';

/**
 * Long tasks (tasks/task-registry.ts). Each task that completes logs its own entry with
 * `details.durationMs` (activity.exported, activity.verified, activity.archived, the backup's
 * job entry); one cancelled part-way logs this instead, by whoever cancelled it.
 */
export const taskEvents = {
  'task.cancelled': defineEvent<{ by: string; what: string; startedBy: string; duration: string }>(
    'user',
    'audit',
    'success',
    (p) =>
      p.by === p.startedBy
        ? `${p.by} cancelled ${p.what} after ${p.duration}`
        : `${p.by} cancelled ${p.what} started by ${p.startedBy} after ${p.duration}`,
  ),
};
