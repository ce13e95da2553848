import { Worker } from 'node:worker_threads';
import type { Logger } from '../shared/logger';
import type { HashReply, HashRequest } from './hash-messages';
import type { DeriveKey, ScryptParams } from './password-hash';

type Job = {
  password: string;
  salt: Buffer;
  params: ScryptParams;
  resolve: (key: Buffer) => void;
  reject: (e: Error) => void;
};
type Thread = { worker: Worker; job: { id: number; job: Job } | null };

export type HashPool = { derive: DeriveKey; close(): Promise<void> };

/**
 * Password hashing (scrypt, ~300 ms of CPU each) on a few threads of its own, never on libuv's
 * shared pool, which static files and every other file operation also need: a flood of sign-ins
 * then queues here, first come first served, while the rest of the app keeps answering. Threads
 * start on first use; a thread that dies fails its one job and is replaced on the next.
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
    const message: HashRequest = {
      id,
      password: job.password,
      salt: job.salt,
      params: job.params,
    };
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
      if (reply.ok) current.job.resolve(Buffer.from(reply.key));
      else current.job.reject(new Error(`password hashing failed: ${reply.message}`));
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

  return {
    derive: (password, salt, params) =>
      new Promise((resolve, reject) => dispatch({ password, salt, params, resolve, reject })),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('password hashing is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
};
