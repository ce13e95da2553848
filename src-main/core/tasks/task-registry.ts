import type { Permission } from '../../contract/roles';
import type { Task, TaskKind } from '../../contract/schemas/tasks';
import type { Recorder } from '../activity/recorder';
import { formatDuration } from '../jobs/job-log-format';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import { randomId } from '../shared/ids';

export type { TaskKind };

/** Progress of one task, as the `task.progress` event carries it. */
export type TaskProgress = { taskId: string; task: TaskKind; done: number; total: number };

/** What a task's body gets from the registry. */
export type TaskHandle = {
  id: string;
  /** Aborted when the task is cancelled or the core stops: hand it to the task runner. */
  signal: AbortSignal;
  /**
   * Reports progress to the session that started the task (and to `tasks.list`); `step` names
   * the step it is in when the task has several (an import's check, then its writes).
   */
  progress(done: number, total: number, step?: TaskKind): void;
  /** Milliseconds since the task started, for its completion entry's `durationMs`. */
  elapsed(): number;
  /**
   * From here on the task cannot be cancelled (e.g. an archive run that is removing entries it
   * has recorded: it goes on to the end, across a restart if need be); `reason` says why.
   */
  holdCancel(reason: string): void;
  /** Throws the task's cancellation if it was cancelled (before a commit point). */
  throwIfCancelled(): void;
};

type Running = {
  view: Omit<Task, 'cancellable'>;
  ownerStaffId: number | null;
  ownerSessionId: string | null;
  controller: AbortController;
  /** Set while the task may no longer be cancelled: why. */
  held: string | null;
  cancelledBy: { ctx: ServiceContext & { actor: Actor } } | null;
  /** Resolves when the task's body has ended, however it ended. */
  ended: Promise<void>;
};

/** Each kind in words: in the cancel entry ("cancelled …") and in the cancelled call's error. */
const LABELS: Record<TaskKind, { what: string; name: string }> = {
  export: { what: 'an activity log export', name: 'export' },
  verify: { what: 'an integrity check of the activity log', name: 'integrity check' },
  archive: { what: 'an archive of old activity entries', name: 'archive' },
  backup: { what: 'a database backup', name: 'backup' },
  bundle: { what: 'an evidence bundle of the activity log', name: 'evidence bundle' },
  'clients.check': { what: 'a check of a clients CSV import', name: 'import check' },
  'clients.import': { what: 'a clients CSV import', name: 'import' },
  'clients.export': { what: 'a clients CSV export', name: 'clients export' },
};

const cancelledError = (kind: TaskKind) =>
  new AppError('conflict', `The ${LABELS[kind].name} was cancelled.`);

/**
 * Every long task the core runs for someone (activity export, verify and evidence bundles,
 * archive runs, backups started by staff, the clients' CSV import check, import and export): its
 * id, owner, kind, start time, progress and an AbortController. Progress goes only to the session
 * that started the task; the starter (any of their sessions) may cancel it, and so may anyone
 * with `tasks.manage` (administrators). A cancelled task logs `task.cancelled` once its body has
 * stopped, with how long it ran; a task that completes logs its own entry, with `durationMs` from
 * `elapsed()`.
 */
export const createTaskRegistry = (deps: {
  clock: Clock;
  recorder: Recorder;
  /** Progress of a task for the session that started it (null: the core's own task). */
  progress: (p: TaskProgress, sessionId: string | null) => void;
  authorize: (actor: Actor, permission: Permission, procedure: string, meta: RequestMeta) => void;
}) => {
  const running = new Map<string, Running>();
  const stopping = new AbortController();

  const viewOf = (r: Running): Task => ({ ...r.view, cancellable: r.held === null });

  const logCancel = (r: Running) => {
    if (!r.cancelledBy) return;
    const { ctx } = r.cancelledBy;
    const durationMs = Math.max(0, deps.clock.now() - r.view.startedAt);
    deps.recorder.record({
      event: 'task.cancelled',
      params: {
        by: ctx.actor.username,
        what: LABELS[r.view.task].what,
        startedBy: r.view.startedBy,
        duration: formatDuration(durationMs),
      },
      ctx,
      details: {
        taskId: r.view.taskId,
        task: r.view.task,
        startedBy: r.view.startedBy,
        done: r.view.done,
        total: r.view.total,
        durationMs,
      },
    });
  };

  return {
    /**
     * Runs `body` as a registered task. Rejects with a `conflict` ("… was cancelled") when it was
     * cancelled, unless the body ends it with a result of its own (still logged as cancelled);
     * `taskId` is the caller's (refused when in use) or a new one.
     */
    run: async <T>(
      kind: TaskKind,
      ctx: ServiceContext,
      opts: { taskId?: string | undefined },
      body: (task: TaskHandle) => Promise<T>,
    ): Promise<T> => {
      if (stopping.signal.aborted) {
        throw new AppError('unavailable', 'The app is shutting down; no task can start now.');
      }
      const id = opts.taskId ?? randomId(12);
      if (running.has(id)) throw new AppError('conflict', `A task with id ${id} is running.`);
      const controller = new AbortController();
      const signal = AbortSignal.any([controller.signal, stopping.signal]);
      let end = () => {};
      const r: Running = {
        view: {
          taskId: id,
          task: kind,
          startedBy: ctx.actor?.username ?? 'system',
          startedAt: deps.clock.now(),
          done: 0,
          total: 0,
        },
        ownerStaffId: ctx.actor?.staffId ?? null,
        ownerSessionId: ctx.actor?.sessionId ?? null,
        controller,
        held: null,
        cancelledBy: null,
        ended: new Promise<void>((resolve) => {
          end = resolve;
        }),
      };
      running.set(id, r);
      const handle: TaskHandle = {
        id,
        signal,
        progress: (done, total, step = kind) => {
          r.view.done = done;
          r.view.total = total;
          deps.progress({ taskId: id, task: step, done, total }, r.ownerSessionId);
        },
        elapsed: () => Math.max(0, deps.clock.now() - r.view.startedAt),
        holdCancel: (reason) => {
          r.held = reason;
        },
        throwIfCancelled: () => {
          if (signal.aborted) throw cancelledError(kind);
        },
      };
      try {
        const result = await body(handle);
        // A body may end a cancelled task with a result (an import keeps the slices it wrote).
        logCancel(r);
        return result;
      } catch (e) {
        if (r.cancelledBy) {
          logCancel(r);
          throw cancelledError(kind);
        }
        throw e;
      } finally {
        running.delete(id);
        end();
      }
    },

    /** The running tasks `actor` started (from any of their sessions), oldest first. */
    list: (actor: Actor): Task[] =>
      [...running.values()].filter((r) => r.ownerStaffId === actor.staffId).map(viewOf),

    /**
     * Cancels a running task and waits until it has stopped (nothing of it is written after
     * this returns). Its starter may cancel it; anyone else needs `tasks.manage`.
     */
    cancel: async (taskId: string, ctx: ServiceContext & { actor: Actor }): Promise<Task> => {
      const r = running.get(taskId);
      if (!r) {
        throw new AppError(
          'not_found',
          `No task with id ${taskId} is running; it may have finished already.`,
        );
      }
      if (r.ownerStaffId !== ctx.actor.staffId) {
        deps.authorize(ctx.actor, 'tasks.manage', 'tasks.cancel', ctx);
      }
      if (r.held !== null) throw new AppError('conflict', r.held);
      const view = viewOf(r);
      if (!r.cancelledBy) {
        r.cancelledBy = { ctx };
        r.controller.abort();
      }
      await r.ended;
      return view;
    },

    /** Aborts every running task (the core is stopping: nothing is logged for them). */
    stop: async (): Promise<void> => {
      stopping.abort();
      await Promise.all([...running.values()].map((r) => r.ended));
    },
  };
};

export type TaskRegistry = ReturnType<typeof createTaskRegistry>;
