import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LOCK_FILE, lockDataDir, systemProcessProbe, type LockOwner } from './data-dir-lock';
import { DatabaseStartupError } from './db/startup-error';
import {
  createTestCore,
  entriesOf,
  signInAdmin,
  tempDirForTest,
  testCore,
} from './test-support/test-core';

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(child.status).toBe(0);
  return child.pid;
};

/** Another program that keeps running until the test ends (its pid is "reused" by a test). */
const otherProgram = async (): Promise<ChildProcess & { pid: number }> => {
  const child = spawn(
    process.execPath,
    ['-e', 'process.stdout.write("up"); setInterval(() => {}, 1e6)'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  await new Promise((ready) => child.stdout.once('data', ready));
  if (child.pid === undefined) throw new Error('no pid');
  return child as ChildProcess & { pid: number };
};

const lockOwner = (dataDir: string): LockOwner =>
  JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockOwner;

const refusal = (run: () => unknown): Error => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(DatabaseStartupError);
    return e as Error;
  }
  throw new Error('not refused');
};

describe('data-folder lock', () => {
  it('records pid, start time, boot id and host, and refuses a second core while the first runs', async () => {
    const dataDir = tempDirForTest();
    const first = testCore({ dataDir });
    await signInAdmin(first);
    const owner = lockOwner(dataDir);
    expect(owner).toEqual(systemProcessProbe.self());
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(hostname());
    expect(owner.startTicks).toEqual(expect.any(Number));
    expect(owner.bootId).toMatch(/^[0-9a-f-]{36}$/);

    const error = refusal(() => createTestCore({ dataDir }));
    expect(error.message).toContain('already running');
    expect(error.message).toContain(`process ${String(process.pid)}`);
    // The refused core left the running one's lock alone.
    expect(lockOwner(dataDir)).toEqual(owner);
    expect((await first.client().call('auth.status', undefined)).ok).toBe(true);
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

  it('takes over a lock left by a process that died, and logs that it did', () => {
    const dataDir = tempDirForTest();
    const pid = deadPid();
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ ...systemProcessProbe.self(), pid }));
    const tc = testCore({ dataDir });
    expect(lockOwner(dataDir).pid).toBe(process.pid);
    expect(tc.logger.lines.map((l) => l.message)).toContain('took over a stale data-folder lock');
    tc.core.start();
    const [entry] = entriesOf(tc.core, 'system.lock_recovered');
    expect(entry?.description).toBe(
      `The data folder's lock left by process ${String(pid)} on ${hostname()} was taken over: ` +
        `process ${String(pid)} is no longer running`,
    );
  });

  it('takes over a lock whose process id now belongs to another program', async () => {
    const dataDir = tempDirForTest();
    const other = await otherProgram();
    const self = systemProcessProbe.self();
    // The same pid, but a process that started at another time: not the app that locked.
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ ...self, pid: other.pid, startTicks: (self.startTicks ?? 0) + 12345 }),
    );
    const tc = testCore({ dataDir });
    tc.core.start();
    expect(entriesOf(tc.core, 'system.lock_recovered')[0]?.description).toContain(
      `process ${String(other.pid)} is now another program`,
    );
  });

  it('takes over an old bare-pid lock written before this computer restarted, even if the pid runs', async () => {
    const dataDir = tempDirForTest();
    const other = await otherProgram();
    const file = join(dataDir, LOCK_FILE);
    writeFileSync(file, String(other.pid));
    const boot = systemProcessProbe.bootTime();
    expect(boot).not.toBeNull();
    const before = new Date((boot ?? 0) - 3_600_000);
    utimesSync(file, before, before);
    const lock = lockDataDir(dataDir);
    expect(lock.recovered).toEqual({
      previous: { pid: other.pid },
      reason: 'it was left before this computer restarted',
    });
    lock.release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a bare-pid lock of a running process written since boot (it cannot tell)', async () => {
    const dataDir = tempDirForTest();
    const other = await otherProgram();
    writeFileSync(join(dataDir, LOCK_FILE), String(other.pid));
    expect(refusal(() => lockDataDir(dataDir)).message).toContain(`process ${String(other.pid)}`);
  });

  it('refuses a lock held on another machine, naming it', () => {
    const dataDir = tempDirForTest();
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: 'front-desk-2', bootId: null, startTicks: null }),
    );
    const message = refusal(() => lockDataDir(dataDir)).message;
    expect(message).toContain('ISP Desk on front-desk-2');
    expect(message).toContain(`delete ${join(dataDir, LOCK_FILE)}`);
  });

  it('lets only one of two starting apps take a stale lock over', () => {
    const dataDir = tempDirForTest();
    writeFileSync(join(dataDir, LOCK_FILE), String(deadPid()));
    // Another app is in the middle of taking it over.
    writeFileSync(join(dataDir, `${LOCK_FILE}.takeover`), 'x');
    expect(refusal(() => lockDataDir(dataDir)).message).toContain('Another ISP Desk is starting');
  });

  it('takes over a lock file that holds no pid', () => {
    const dataDir = tempDirForTest();
    writeFileSync(join(dataDir, LOCK_FILE), 'garbage');
    const lock = lockDataDir(dataDir);
    expect(lock.recovered?.reason).toBe('the lock file held no process id');
    expect(lockOwner(dataDir).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('never removes a lock that another app has since taken', () => {
    const dataDir = tempDirForTest();
    const lock = lockDataDir(dataDir);
    const theirs = JSON.stringify({ ...systemProcessProbe.self(), pid: deadPid() });
    writeFileSync(join(dataDir, LOCK_FILE), theirs);
    lock.release();
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(theirs);
  });
});
