import { fileURLToPath } from 'node:url';

/** Starts a worker_threads entry from source through tsx (the app runs the built .js entries). */
const fromSource = (entry: string) => ({
  workerFile: fileURLToPath(new URL('./ts-worker.cjs', import.meta.url)),
  argv: [fileURLToPath(new URL(entry, import.meta.url))],
});

/** The activity log's reader thread, for CoreConfig.activityReader. */
export const READER_FROM_SOURCE = fromSource('../activity/reader/reader-worker.ts');

/** The task thread (verify, export, backup), for CoreConfig.taskThreads. */
export const TASKS_FROM_SOURCE = fromSource('../tasks/task-worker.ts');

/** The password-hashing thread (core/auth/hash-worker.ts), for CoreConfig.passwordHasher. */
export const HASHER_FROM_SOURCE = fromSource('../auth/hash-worker.ts');
