import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../core/data-dir-lock';
import {
  processTempDir,
  startServerProcess,
  within,
  type ServerProcess,
} from './test-support/headless-process';

/** Start-up from source takes a few seconds on a busy machine. */
const PROCESS_TEST_MS = 60_000;

const events = (dataDir: string): string[] => {
  const db = new Database(join(dataDir, 'ispdesk.db'), { readonly: true });
  try {
    return db
      .prepare<[], { event: string }>('SELECT event FROM activity_log ORDER BY id')
      .all()
      .map((r) => r.event);
  } finally {
    db.close();
  }
};

const expectCleanExit = async (server: ServerProcess, dataDir: string) => {
  expect(await within(5_000, 'stopping', server.exited)).toEqual({ code: 0, signal: null });
  expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  expect(server.stderr()).toBe('');
};

describe('the headless server process', () => {
  it(
    'stops within 5 s and unlocks when whoever read its output has gone (closed pipe)',
    async () => {
      const dataDir = processTempDir('epipe');
      const server = startServerProcess(['--data', dataDir]);
      await server.printed(/serving at/);
      // The terminal (or `| tee`) goes away: nobody reads stdout or stderr any more.
      server.child.stdout?.destroy();
      server.child.stderr?.destroy();
      server.child.kill('SIGTERM');
      expect(await within(5_000, 'stopping', server.exited)).toEqual({ code: 0, signal: null });
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      expect(events(dataDir).slice(-2)).toEqual(['system.started', 'system.stopped']);
    },
    PROCESS_TEST_MS,
  );

  it(
    'stops cleanly on a signal sent the moment it says it is serving',
    async () => {
      const dataDir = processTempDir('signal');
      const server = startServerProcess(['--data', dataDir]);
      await server.printed(/serving at/);
      server.child.kill('SIGTERM');
      await expectCleanExit(server, dataDir);
      expect(server.stdout()).toMatch(/ISP Desk stopping \(SIGTERM\)\n$/);
      expect(events(dataDir)).toEqual(['system.started', 'system.stopped']);
    },
    PROCESS_TEST_MS,
  );

  it(
    'stops cleanly on a signal sent while it is still opening the data folder',
    async () => {
      const dataDir = processTempDir('early');
      // The moment the lock file appears, the core is being opened (migrations, keys).
      const locked = new Promise<void>((resolve) => {
        const watcher = watch(dataDir, (_, name) => {
          if (name === LOCK_FILE) {
            watcher.close();
            resolve();
          }
        });
      });
      const server = startServerProcess(['--data', dataDir]);
      await locked;
      server.child.kill('SIGINT');
      await expectCleanExit(server, dataDir);
      // Start-up finishes what it was doing, then stops: logged as such if it got as far as
      // starting, with nothing logged if it did not.
      const served = server.stdout().includes('serving at');
      expect(events(dataDir)).toEqual(served ? ['system.started', 'system.stopped'] : []);
    },
    PROCESS_TEST_MS,
  );

  it(
    'a second SIGTERM during the stop does not cut it short',
    async () => {
      const dataDir = processTempDir('twice');
      const server = startServerProcess(['--data', dataDir]);
      await server.printed(/serving at/);
      server.child.kill('SIGTERM');
      await server.printed(/stopping/);
      server.child.kill('SIGTERM');
      await expectCleanExit(server, dataDir);
      expect(events(dataDir)).toEqual(['system.started', 'system.stopped']);
    },
    PROCESS_TEST_MS,
  );

  it(
    'creates every file and folder owner-only, whatever the umask it was started with',
    async () => {
      const dataDir = join(processTempDir('umask'), 'office');
      // Started with a umask that lets everyone read and write what it creates.
      const server = startServerProcess(['--data', dataDir], {
        wrap: (command) => ['sh', '-c', 'umask 000 && exec "$@"', 'sh', ...command],
      });
      await server.printed(/serving at/);
      const modes = Object.fromEntries(
        ['.', ...readdirSync(dataDir)].map((name) => [
          name,
          (statSync(join(dataDir, name)).mode & 0o777).toString(8),
        ]),
      );
      expect(modes).toEqual({
        '.': '700',
        'ispdesk.db': '600',
        'ispdesk.db-wal': '600',
        'ispdesk.db-shm': '600',
        [LOCK_FILE]: '600',
        'secret.key': '600',
        'audit-signing-key.pem': '600',
      });
      server.child.kill('SIGTERM');
      await expectCleanExit(server, dataDir);
    },
    PROCESS_TEST_MS,
  );

  it(
    'starts after being killed with SIGKILL, taking over the lock it left and logging that',
    async () => {
      const dataDir = processTempDir('killed');
      const first = startServerProcess(['--data', dataDir]);
      await first.printed(/serving at/);
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

      const second = startServerProcess(['--data', dataDir]);
      await second.printed(/serving at/);
      second.child.kill('SIGTERM');
      await within(5_000, 'stopping', second.exited);
      expect(events(dataDir)).toEqual([
        'system.started',
        'system.started',
        'system.lock_recovered',
        'system.stopped',
      ]);
      expect(second.stderr()).toContain('took over a stale data-folder lock');
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    },
    PROCESS_TEST_MS,
  );
});
