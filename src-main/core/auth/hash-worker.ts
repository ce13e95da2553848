/**
 * A password-hashing thread: scrypt, one request at a time, on a thread that does nothing else.
 * Built as its own entry (out/main/password-hasher.js); see hash-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { deriveKeySync } from './password-hash';
import type { HashReply, HashRequest } from './hash-messages';

const port = parentPort;
if (!port) throw new Error('hash-worker.ts runs as a worker thread');

port.on('message', (m: HashRequest) => {
  let reply: HashReply;
  try {
    const key = deriveKeySync(m.password, Buffer.from(m.salt), m.params);
    reply = { id: m.id, ok: true, key };
  } catch (e) {
    reply = { id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
