/**
 * A reader thread: its own read-only connection to the live log (WAL lets it read while the main
 * thread writes) and to archives, answering the Activity Log screen's reads. Built as its own
 * entry (out/main/activity-reader.js); see reader-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createArchiveShelf, createLogSource, openReadOnly } from '../activity-source';
import { runRead } from './log-reads';
import {
  replyError,
  type ReadMessage,
  type ReadReply,
  type ReaderWorkerData,
} from './read-messages';

const port = parentPort;
if (!port) throw new Error('reader-worker.ts runs as a worker thread');
const data = workerData as ReaderWorkerData;

// Stats default their window's end to "now": the main thread's clock, sent with each read.
let now = Date.now();
const clock = () => now;
const textBudget = data.textBudgetMs === undefined ? undefined : { ms: data.textBudgetMs };
const live = createLogSource(openReadOnly(data.file, data.nativeBinding), clock, textBudget);
live.sqlite.pragma('cache_size = -65536');
const shelf = createArchiveShelf(data.archivesDir, clock, {
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  ...(textBudget ? { textBudget } : {}),
});

port.on('message', (m: ReadMessage) => {
  now = m.now;
  let reply: ReadReply;
  try {
    const value = runRead(
      (archive) => (archive === undefined ? live : shelf.source(archive)),
      m.request,
    );
    reply = { id: m.id, ok: true, value };
  } catch (e) {
    reply = replyError(m.id, e);
  }
  port.postMessage(reply);
});
