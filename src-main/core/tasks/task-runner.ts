import { Worker } from 'node:worker_threads';
import { AppError } from '../shared/app-error';
import { errorFromReply } from '../activity/reader/read-messages';
import { runTaskBody } from './task-bodies';
import type {
  TaskAck,
  TaskKind,
  TaskMessage,
  TaskRequestOf,
  TaskResults,
  TaskWorkerData,
} from './task-messages';

export type TaskHooks = {
  onProgress?(done: number): void;
  /** Output of an export; the next chunk waits until this resolves. */
  onChunk?(text: string): Promise<void>;
  /** Aborting stops the task: its thread is terminated and `run` rejects with `cancelled`. */
  signal?: AbortSignal;
};

export type TaskRunner = {
  /** Whether tasks run on threads of their own (false: on the calling thread). */
  threaded: boolean;
  run<K extends TaskKind>(request: TaskRequestOf<K>, hooks?: TaskHooks): Promise<TaskResults[K]>;
};

const cancelled = () => new AppError('conflict', 'The task was cancelled.');

/**
 * Runs long jobs (log verify and export, the backup's copy and check, an archive's copy) on a
 * thread of their own, one thread per task, so that the main thread, where IPC, HTTP, timers and
 * writes live, only relays progress and output. Without `workerFile` (unit tests, the CLI) the same code runs on
 * the calling thread, in slices that yield to the event loop.
 */
export const createTaskRunner = (opts: {
  /** The built task entry (out/main/background-task.js). */
  workerFile?: string;
  /** Arguments for the thread's process.argv (test-support/ts-worker.cjs takes the .ts entry). */
  argv?: string[];
  nativeBinding?: string;
}): TaskRunner => {
  const inProcess = <K extends TaskKind>(request: TaskRequestOf<K>, hooks: TaskHooks) => {
    const { signal } = hooks;
    if (signal?.aborted) return Promise.reject(cancelled());
    const check = () => {
      if (signal?.aborted) throw cancelled();
    };
    // A chunk the caller is still taking (a slow disk or client) does not hold up a cancel.
    let stop = () => {};
    const aborted = new Promise<void>((resolve) => {
      stop = resolve;
    });
    signal?.addEventListener('abort', stop);
    return runTaskBody(request, {
      progress: (done) => {
        check();
        hooks.onProgress?.(done);
      },
      chunk: async (text) => {
        check();
        await Promise.race([hooks.onChunk?.(text), aborted]);
        check();
      },
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    }).finally(() => signal?.removeEventListener('abort', stop));
  };

  const onThread = <K extends TaskKind>(
    workerFile: string,
    request: TaskRequestOf<K>,
    hooks: TaskHooks,
  ) =>
    new Promise<TaskResults[K]>((resolve, reject) => {
      if (hooks.signal?.aborted) return reject(cancelled());
      const data: TaskWorkerData = {
        request,
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      };
      const worker = new Worker(workerFile, {
        workerData: data,
        ...(opts.argv ? { argv: opts.argv } : {}),
      });
      let settled = false;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        hooks.signal?.removeEventListener('abort', abort);
        // Settled once the thread is gone: a cancelled task writes nothing after it returns.
        void worker.terminate().then(f, f);
      };
      const abort = () => finish(() => reject(cancelled()));
      hooks.signal?.addEventListener('abort', abort);
      worker.on('message', (m: TaskMessage) => {
        // Messages the thread sent before it was stopped: nothing reaches the caller after.
        if (settled) return;
        switch (m.type) {
          case 'progress':
            hooks.onProgress?.(m.done);
            break;
          case 'chunk':
            (hooks.onChunk ? hooks.onChunk(m.text) : Promise.resolve()).then(
              () => {
                if (!settled) worker.postMessage({ type: 'ack' } satisfies TaskAck);
              },
              (e: unknown) => finish(() => reject(e instanceof Error ? e : new Error(String(e)))),
            );
            break;
          case 'done':
            finish(() => resolve(m.value as TaskResults[K]));
            break;
          case 'failed':
            finish(() => reject(errorFromReply(m.error)));
            break;
        }
      });
      worker.on('error', (e) => finish(() => reject(e)));
      worker.on('exit', (code) =>
        finish(() => reject(new Error(`the task thread stopped (exit code ${String(code)})`))),
      );
    });

  return {
    threaded: opts.workerFile !== undefined,
    run: (request, hooks = {}) =>
      opts.workerFile ? onThread(opts.workerFile, request, hooks) : inProcess(request, hooks),
  };
};
