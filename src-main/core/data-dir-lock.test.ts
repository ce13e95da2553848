import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';
import { DatabaseStartupError } from './db/startup-error';
import { createTestCore, signInAdmin, tempDirForTest, testCore } from './test-support/test-core';

const LOCK_FILE = 'ispdesk.lock';

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid;
};

describe('data-folder lock', () => {
  it('refuses a second core on the same folder while the first runs', async () => {
    const dataDir = tempDirForTest();
    const first = testCore({ dataDir });
    await signInAdmin(first);

    let caught: unknown;
    try {
      createTestCore({ dataDir });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DatabaseStartupError);
    expect((caught as Error).message).toContain('already running');
    expect((caught as Error).message).toContain(`process ${String(process.pid)}`);
    // The refused core left the running one's lock alone.
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    const admin = first.client();
    expect((await admin.call('auth.status', undefined)).ok).toBe(true);
  });

  it('releases the lock on stop, so the folder can be opened again', async () => {
    const dataDir = tempDirForTest();
    const first = createTestCore({ dataDir });
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const second = testCore({ dataDir });
    expect(second.core.services.auth.status()).toEqual({ setupRequired: true });
  });

  it('takes over a lock left by a process that died', () => {
    const dataDir = tempDirForTest();
    const pid = deadPid();
    writeFileSync(join(dataDir, LOCK_FILE), String(pid));
    const tc = testCore({ dataDir });
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(tc.core.services.auth.status()).toEqual({ setupRequired: true });
  });

  it('takes over a lock file that holds no pid', () => {
    const dataDir = tempDirForTest();
    writeFileSync(join(dataDir, LOCK_FILE), 'garbage');
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
