import type { TaskProgress } from '../tasks/task-registry';
import { randomId } from '../shared/ids';
import type { Ctx } from './clients.service';

/** Sends a task's progress to the session that started it (create-core's `task.progress`). */
export type ClientTaskProgress = (p: TaskProgress, owner: string | null) => void;

/**
 * Progress of one clients task under the id its caller chose (so that the caller can tell its
 * task from others and cancel it), or a fresh one, for the caller's session only.
 */
export const clientTaskReporter =
  (progress: ClientTaskProgress) =>
  (task: TaskProgress['task'], ctx: Ctx, taskId: string = randomId(12)) =>
  (done: number, total: number) =>
    progress({ taskId, task, done, total }, ctx.actor.sessionId);
