import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger';
import type { HashAnswer, HashReply, HashRequest, HashTask } from './hash-messages';
import type { PasswordWork } from './password-hash';

type Job = { task: HashTask; resolve: (answer: HashAnswer) => void; reject: (e: Error) => void };
type Thread = { worker: Worker; job: { id: number; job: Job } | null };

export type HashPool = PasswordWork & { close(): Promise<void> };

/** What a failed task is called in its error. */
const WORK: Record<HashTask['kind'], string> = {
  derive: 'password hashing',
  strength: 'password strength check',
};

/** A reply of another kind than the task's: a thread built from other code than this pool. */
const mismatch = (asked: HashTask['kind'], answered: HashAnswer['kind']) =>
  new Error(`${WORK[asked]} failed: the thread answered a ${answered} task`);

/**
 * Password hashing (scrypt, ~300 ms of CPU each) and the password-strength estimate (up to
 * ~200 ms the first time) on a few threads of their own: never on the main thread, which must keep
 * answering, nor on libuv's shared pool, which static files and every other file operation also
 * need. A flood of sign-ins then queues here, first come first served, while the rest of the app
 * keeps answering. Threads start on first use; a thread that dies fails its one job and is
 * replaced on the next.
 */
export const createHashPool = (opts: {
  /** The built entry (out/main/password-hasher.js). */
  workerFile: string;
  /** Arguments for the thread's process.argv (test-support/ts-worker.cjs takes the .ts entry). */
  argv?: string[];
  threads?: number;
  logger: Logger;
}): HashPool => {
  const size = Math.max(1, opts.threads ?? 1);
  const threads: Thread[] = [];
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const run = (t: Thread, job: Job) => {
    const id = nextId++;
    t.job = { id, job };
    const message: HashRequest = { ...job.task, id };
    t.worker.postMessage(message);
  };

  const next = (t: Thread) => {
    t.job = null;
    const job = queue.shift();
    if (job) run(t, job);
  };

  const spawn = (): Thread => {
    const worker = new Worker(opts.workerFile, opts.argv ? { argv: opts.argv } : {});
    const t: Thread = { worker, job: null };
    worker.on('message', (reply: HashReply) => {
      const current = t.job;
      if (!current || current.id !== reply.id) return;
      const { task, resolve, reject } = current.job;
      if (reply.ok) resolve(reply);
      else reject(new Error(`${WORK[task.kind]} failed: ${reply.message}`));
      next(t);
    });
    const gone = (why: string) => {
      const i = threads.indexOf(t);
      if (i < 0) return;
      threads.splice(i, 1);
      if (!closed) opts.logger.error('password hashing thread stopped', { why });
      t.job?.job.reject(new Error(`password hashing thread stopped: ${why}`));
      t.job = null;
      // Whatever waits gets a new thread (or fails when the pool is closed).
      const waiting = queue.shift();
      if (waiting) dispatch(waiting);
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`exit code ${String(code)}`));
    threads.push(t);
    return t;
  };

  const dispatch = (job: Job) => {
    if (closed) {
      job.reject(new Error('password hashing is closed'));
      return;
    }
    const idle = threads.find((t) => t.job === null);
    if (idle) run(idle, job);
    else if (threads.length < size) run(spawn(), job);
    else queue.push(job);
  };

  const perform = (task: HashTask) =>
    new Promise<HashAnswer>((resolve, reject) => dispatch({ task, resolve, reject }));

  return {
    derive: async (password, salt, params) => {
      const answer = await perform({ kind: 'derive', password, salt, params });
      if (answer.kind !== 'derive') throw mismatch('derive', answer.kind);
      return Buffer.from(answer.key);
    },
    weakPasswordMessage: async (password, names) => {
      const answer = await perform({ kind: 'strength', password, names: [...names] });
      if (answer.kind !== 'strength') throw mismatch('strength', answer.kind);
      return answer.refusal;
    },
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('password hashing is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
};
