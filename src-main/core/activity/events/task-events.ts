import { defineEvent } from '../define-event';

/**
 * Long tasks (tasks/task-registry.ts). Each task that completes logs its own entry with
 * `details.durationMs` (activity.exported, activity.verified, activity.archived, the backup's
 * job entry, clients.import_checked, clients.imported, clients.exported); one cancelled part-way
 * logs this instead, by whoever cancelled it (a clients import also logs the rows it had written:
 * clients.imported, marked cancelled).
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
