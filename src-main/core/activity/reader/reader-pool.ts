import { Worker } from 'node:worker_threads';
import type { Logger } from '../../shared/logger';
import type { LogReader, LogReads, ReadMethod, ReadRequest } from './log-reads';
import {
  errorFromReply,
  type ReadMessage,
  type ReadReply,
  type ReaderWorkerData,
} from './read-messages';

type Pending = { resolve: (value: unknown) => void; reject: (e: Error) => void };
type Thread = { worker: Worker; pending: Map<number, Pending> };

/**
 * The Activity Log screen's reads (search, histogram, facets, one entry) on reader threads, so
 * that no search, however cold the page cache or broad the filter, blocks the main thread's event
 * loop, where IPC, HTTP, timers and writes run. Threads start on the first read; each read goes
 * to the thread with the fewest reads in flight; a thread that dies fails its reads and is
 * replaced on the next one.
 */
export const createReaderPool = (opts: {
  /** The built reader entry (out/main/activity-reader.js). */
  workerFile: string;
  data: ReaderWorkerData;
  now: () => number;
  logger: Logger;
  size?: number;
  /** Arguments for the thread's process.argv (test-support/ts-worker.cjs takes the .ts entry). */
  argv?: string[];
}): LogReader => {
  const size = opts.size ?? 2;
  const threads: Thread[] = [];
  let nextId = 1;
  let closed = false;

  const failAll = (t: Thread, e: Error) => {
    for (const p of t.pending.values()) p.reject(e);
    t.pending.clear();
  };

  const spawn = (): Thread => {
    const worker = new Worker(opts.workerFile, {
      workerData: opts.data,
      ...(opts.argv ? { argv: opts.argv } : {}),
    });
    const t: Thread = { worker, pending: new Map() };
    worker.on('message', (reply: ReadReply) => {
      const p = t.pending.get(reply.id);
      if (!p) return;
      t.pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(errorFromReply(reply.error));
    });
    const gone = (why: string) => {
      const i = threads.indexOf(t);
      if (i >= 0) threads.splice(i, 1);
      if (!closed) opts.logger.error('activity reader thread stopped', { why });
      failAll(t, new Error(`activity reader thread stopped: ${why}`));
    };
    worker.on('error', (e) => gone(e.message));
    worker.on('exit', (code) => gone(`exit code ${String(code)}`));
    threads.push(t);
    return t;
  };

  const pick = (): Thread => {
    const idle = threads.reduce<Thread | undefined>(
      (best, t) => (!best || t.pending.size < best.pending.size ? t : best),
      undefined,
    );
    return idle && (idle.pending.size === 0 || threads.length >= size) ? idle : spawn();
  };

  return {
    read: <M extends ReadMethod>(method: M, input: LogReads[M]['input']) => {
      if (closed) return Promise.reject(new Error('the activity reader is closed'));
      const t = pick();
      const id = nextId++;
      const message: ReadMessage = {
        id,
        now: opts.now(),
        request: { method, input } as ReadRequest,
      };
      return new Promise<LogReads[M]['output']>((resolve, reject) => {
        t.pending.set(id, { resolve: (v) => resolve(v as LogReads[M]['output']), reject });
        t.worker.postMessage(message);
      });
    },
    close: async () => {
      closed = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
};
