/**
 * A password-hashing thread: scrypt and the password-strength estimate, one request at a time, on
 * a thread that does nothing else. Built as its own entry (out/main/password-hasher.js, with the
 * estimator's dictionaries); see hash-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { weakPasswordMessage } from '../../contract/password-strength';
import { deriveKeySync } from './password-hash';
import type { HashAnswer, HashReply, HashRequest, HashTask } from './hash-messages';

const port = parentPort;
if (!port) throw new Error('hash-worker.ts runs as a worker thread');

const perform = (task: HashTask): HashAnswer => {
  switch (task.kind) {
    case 'derive':
      return {
        kind: 'derive',
        key: deriveKeySync(task.password, Buffer.from(task.salt), task.params),
      };
    case 'strength':
      return { kind: 'strength', refusal: weakPasswordMessage(task.password, task.names) };
  }
};

port.on('message', (m: HashRequest) => {
  let reply: HashReply;
  try {
    reply = { ...perform(m), id: m.id, ok: true };
  } catch (e) {
    reply = { id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
