import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { weakPasswordMessage } from '../../contract/password-strength';
import {
  ADMIN,
  CHEAP_SCRYPT,
  createCapturingLogger,
  failure,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';
import { HASHER_FROM_SOURCE } from '../test-support/source-workers';
import { createHashPool } from './hash-pool';
import { createPasswordHasher, WITHOUT_THREADS } from './password-hash';
import { requireStrongPassword } from './password-policy';

/** Weak, personal, strong, long and repeated passwords, with and without the account's names. */
const RATED: readonly [string, readonly string[]][] = [
  ['password12', []],
  ['qwertyuiop', ['admin', 'Ada Admin']],
  ['wanjiru kamau', []],
  ['wanjiru kamau', ['wanjiru', 'Wanjiru Kamau']],
  ['correct horse battery staple', ['admin', 'Ada Admin']],
  ['maize lantern quietly 48', ['carol', 'Carol Staff']],
  ['abcabcabcabcabcabcabcabcabcabcabcabcabcabc', []],
  ['pässwörd ünïcode 2026 ☕', ['pass']],
];

/** A hasher on two threads run from source (closed when the test ends), and one without threads. */
const hashersForTest = () => {
  const pool = createHashPool({
    ...HASHER_FROM_SOURCE,
    threads: 2,
    logger: createCapturingLogger(),
  });
  onTestFinished(() => pool.close());
  return {
    threaded: createPasswordHasher(pool),
    inline: createPasswordHasher(WITHOUT_THREADS),
  };
};

describe('password hashing threads', () => {
  it('hash and verify exactly as scrypt on libuv does, in parallel and in order', async () => {
    const { threaded, inline } = hashersForTest();
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

  it('judge password strength on a thread exactly as on the calling thread', async () => {
    const { threaded, inline } = hashersForTest();
    // In parallel, and between hashes on the same threads.
    const [judged] = await Promise.all([
      Promise.all(RATED.map(([password, names]) => threaded.weakPasswordMessage(password, names))),
      threaded.hash('a hash meanwhile', CHEAP_SCRYPT),
    ]);
    for (const [i, [password, names]] of RATED.entries()) {
      const expected = weakPasswordMessage(password, names);
      expect(judged[i], password).toBe(expected);
      expect(await inline.weakPasswordMessage(password, names), password).toBe(expected);
    }
    expect(judged).toEqual([
      'This password is too easy to guess (weak). This is a commonly used password.',
      'This password is too easy to guess (very weak). This is a frequently used password.',
      null,
      'This password is too easy to guess (very weak). There should not be any personal or page related data.',
      null,
      null,
      'This password is too easy to guess (weak). Repeated character patterns like "abcabcabc" are easy to guess.',
      null,
    ]);
    // The rule refuses the same way over either: the same sentence, naming the field.
    for (const hasher of [threaded, inline]) {
      const refused = requireStrongPassword(hasher, 'Ada Admin!!', ADMIN, 'newPassword');
      const message = weakPasswordMessage('Ada Admin!!', [ADMIN.username, ADMIN.displayName]);
      expect(message).toMatch(/^This password is too easy to guess/);
      await expect(refused).rejects.toMatchObject({
        code: 'validation',
        message,
        details: { issues: [{ path: ['newPassword'], message }] },
      });
      await requireStrongPassword(hasher, ADMIN.password, ADMIN, 'newPassword');
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
         parentPort.postMessage({ id: m.id, ok: true, kind: 'derive', key: new Uint8Array(32) });
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
    const weak = failure(
      await admin.call('auth.setup', { ...ADMIN, password: 'password12' }),
      'validation',
    );
    expect(weak).toEqual({
      code: 'validation',
      message: 'This password is too easy to guess (weak). This is a commonly used password.',
      details: { issues: [{ path: ['password'], message: weak.message }] },
    });
    expect(unwrap(await admin.call('auth.status', undefined)).setupRequired).toBe(true);
    unwrap(await admin.call('auth.setup', { ...ADMIN }));
    const again = tc.client({ ip: '10.0.0.9' });
    unwrap(await again.call('auth.login', { username: ADMIN.username, password: ADMIN.password }));
    const stored = tc.core.sqlite.prepare('SELECT password_hash AS h FROM staff').get() as {
      h: string;
    };
    expect(await createPasswordHasher(WITHOUT_THREADS).verify(ADMIN.password, stored.h)).toBe(true);
  });
});
