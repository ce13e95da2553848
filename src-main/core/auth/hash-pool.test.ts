import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  ADMIN,
  CHEAP_SCRYPT,
  createCapturingLogger,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';
import { HASHER_FROM_SOURCE } from '../test-support/source-workers';
import { createHashPool } from './hash-pool';
import { createPasswordHasher, deriveOnLibuv } from './password-hash';

describe('password hashing threads', () => {
  it('hash and verify exactly as scrypt on libuv does, in parallel and in order', async () => {
    const pool = createHashPool({
      ...HASHER_FROM_SOURCE,
      threads: 2,
      logger: createCapturingLogger(),
    });
    onTestFinished(() => pool.close());
    const threaded = createPasswordHasher(pool.derive);
    const inline = createPasswordHasher(deriveOnLibuv);
    const passwords = Array.from({ length: 6 }, (_, i) => `pässword ${String(i)}`);
    const stored = await Promise.all(passwords.map((p) => threaded.hash(p, CHEAP_SCRYPT)));
    for (const [i, p] of passwords.entries()) {
      const hash = stored[i] ?? '';
      expect(await inline.verify(p, hash)).toBe(true);
      expect(await threaded.verify(p, hash)).toBe(true);
      expect(await threaded.verify(`${p}!`, hash)).toBe(false);
      expect(await threaded.verify(p, await inline.hash(p, CHEAP_SCRYPT))).toBe(true);
    }
  });

  it('fails the hash of a thread that dies, logs it, and starts a new thread for the next', async () => {
    const dir = tempDirForTest('hasher');
    const dying = join(dir, 'dying-worker.cjs');
    // A thread that dies on its first request, unless told otherwise by a marker file.
    const marker = join(dir, 'healthy');
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
       const { existsSync } = require('node:fs');
       parentPort.on('message', (m) => {
         if (!existsSync(${JSON.stringify(marker)})) process.exit(3);
         parentPort.postMessage({ id: m.id, ok: true, key: new Uint8Array(32) });
       });`,
    );
    const logger = createCapturingLogger();
    const pool = createHashPool({ workerFile: dying, threads: 1, logger });
    onTestFinished(() => pool.close());
    await expect(pool.derive('x', Buffer.alloc(16), CHEAP_SCRYPT)).rejects.toThrow(
      /password hashing thread stopped: exit code 3/,
    );
    expect(logger.lines).toMatchObject([
      { level: 'error', message: 'password hashing thread stopped' },
    ]);
    writeFileSync(marker, '');
    expect((await pool.derive('x', Buffer.alloc(16), CHEAP_SCRYPT)).length).toBe(32);
    await pool.close();
    await expect(pool.derive('x', Buffer.alloc(16), CHEAP_SCRYPT)).rejects.toThrow(/closed/);
  });

  it('sign in and set up through a core that hashes on its own threads', async () => {
    const tc = testCore({ passwordHasher: HASHER_FROM_SOURCE });
    const admin = tc.client();
    unwrap(await admin.call('auth.setup', { ...ADMIN }));
    const again = tc.client({ ip: '10.0.0.9' });
    unwrap(await again.call('auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const stored = tc.core.sqlite.prepare('SELECT password_hash AS h FROM staff').get() as {
      h: string;
    };
    expect(await createPasswordHasher(deriveOnLibuv).verify(ADMIN.password, stored.h)).toBe(true);
  });
});
