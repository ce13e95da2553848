import { useApiMutation } from '../../api/hooks';
import { useOwnTask } from '../tasks/use-own-task';
import type { VerifyState } from './VerifyIntegrity';

/**
 * Runs the hash-chain check of the live log or of an archive under a task id of its own,
 * following that task's `task.progress` events while it runs; it can be cancelled.
 */
export function useVerifyIntegrity(archive: string | null): VerifyState {
  const task = useOwnTask();
  const verify = useApiMutation('activity.verify', { onSettled: () => task.end() });
  const taskId = verify.variables?.taskId;
  const cancelled = verify.isError && taskId !== undefined && task.wasCancelled(taskId);

  return {
    result: verify.data,
    error: cancelled ? null : verify.error,
    cancelled,
    isPending: verify.isPending,
    progress: verify.isPending ? task.progress : null,
    archive: verify.variables?.archive ?? null,
    run: () => {
      const id = task.begin();
      verify.mutate(archive ? { archive, taskId: id } : { taskId: id });
    },
    cancel: () => void task.cancel(),
    cancelling: task.cancelling,
    dismiss: () => verify.reset(),
  };
}
