import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload } from '@contract/api';
import { useApiClient } from '../../api/api-context';
import { isApiError } from '../../api/api-error';
import { notifyError } from '../../lib/notify';
import { newTaskId } from './task-id';

/** How far the task got; `task` names the step it is in (an import checks, then writes). */
export type TaskProgress = Pick<EventPayload<'task.progress'>, 'task' | 'done' | 'total'>;

/**
 * One long task of this screen's (an export, an integrity check, a backup, a clients import):
 * `begin()` gives the id to start it with; progress is taken only from `task.progress` events
 * with that id (never another task's of the same kind); `cancel()` asks the core to stop it
 * (`tasks.cancel`).
 */
export function useOwnTask() {
  const client = useApiClient();
  const current = useRef<string | null>(null);
  const cancelled = useRef<string | null>(null);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(
    () =>
      client.subscribe('task.progress', (p) => {
        if (p.taskId === current.current) {
          setProgress({ task: p.task, done: p.done, total: p.total });
        }
      }),
    [client],
  );

  /** A new id for the next run; progress starts over. */
  const begin = useCallback((): string => {
    const id = newTaskId();
    current.current = id;
    setProgress(null);
    setCancelling(false);
    return id;
  }, []);

  /** The run ended (however it ended). */
  const end = useCallback(() => {
    current.current = null;
    setProgress(null);
    setCancelling(false);
  }, []);

  /**
   * Asks the core to stop the running task. A task that ended meanwhile is not an error (its
   * result shows as usual); anything else is said.
   */
  const cancel = useCallback(async () => {
    const taskId = current.current;
    if (taskId === null) return;
    cancelled.current = taskId;
    setCancelling(true);
    try {
      await client.call('tasks.cancel', { taskId });
    } catch (e) {
      if (isApiError(e) && e.code === 'not_found') return;
      cancelled.current = null;
      setCancelling(false);
      notifyError(e, 'Could not cancel');
    }
  }, [client]);

  return {
    progress,
    cancelling,
    begin,
    end,
    cancel,
    /** Whether the run with this id was cancelled from here (its error is then no failure). */
    wasCancelled: (taskId: string) => cancelled.current === taskId,
  };
}
