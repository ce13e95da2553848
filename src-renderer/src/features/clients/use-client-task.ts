import { useEffect, useState } from 'react';
import type { EventPayload } from '@contract/api';
import { useApiClient } from '../../api/api-context';

export type ClientTaskProgress = Pick<EventPayload<'task.progress'>, 'task' | 'done' | 'total'>;

/** A fresh id for a long clients task, so that its progress can be told from any other. */
export const newTaskId = (): string => crypto.randomUUID().replaceAll('-', '');

/**
 * Follows the `task.progress` events of one task (the core sends a task's progress only to the
 * session that started it, under the id the caller chose): null until the first arrives.
 */
export function useClientTaskProgress(taskId: string | null): ClientTaskProgress | null {
  const client = useApiClient();
  const [last, setLast] = useState<{ taskId: string; progress: ClientTaskProgress } | null>(null);
  useEffect(() => {
    if (taskId === null) return;
    return client.subscribe('task.progress', (p) => {
      if (p.taskId === taskId) {
        setLast({ taskId, progress: { task: p.task, done: p.done, total: p.total } });
      }
    });
  }, [client, taskId]);
  // A new task starts with no progress of its own.
  return last !== null && last.taskId === taskId ? last.progress : null;
}

/** "Checking rows: 2,500 of 100,000" and the like, for the task's own words. */
export const progressText = (p: ClientTaskProgress, format: (n: number) => string): string => {
  const of = `${format(p.done)} of ${format(p.total)}`;
  switch (p.task) {
    case 'clients.check':
      return `Checking rows: ${of}`;
    case 'clients.import':
      return `Importing clients: ${of}`;
    case 'clients.export':
      return `Exporting clients: ${of}`;
    case 'verify':
    case 'export':
    case 'archive':
    case 'backup':
    case 'bundle':
      return of;
  }
};
