/**
 * A task thread: one long job (verify, export, backup, archive copy) on its own connection, reporting progress
 * and sending output in chunks, each acknowledged before the next (back-pressure). Cancelled by
 * terminating the thread. Built as its own entry (out/main/background-task.js); see task-runner.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { replyError } from '../activity/reader/read-messages';
import { runTaskBody } from './task-bodies';
import type { TaskMessage, TaskWorkerData } from './task-messages';

const port = parentPort;
if (!port) throw new Error('task-worker.ts runs as a worker thread');
const data = workerData as TaskWorkerData;
const send = (m: TaskMessage) => port.postMessage(m);

let acked: (() => void) | null = null;
// The only message a task thread receives: `ack` (TaskAck).
port.on('message', () => acked?.());

runTaskBody(data.request, {
  progress: (done) => send({ type: 'progress', done }),
  chunk: (text) =>
    new Promise<void>((resolve) => {
      acked = resolve;
      send({ type: 'chunk', text });
    }),
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
}).then(
  (value) => send({ type: 'done', value }),
  (e: unknown) => {
    const reply = replyError(0, e);
    if (!reply.ok) send({ type: 'failed', error: reply.error });
  },
);
