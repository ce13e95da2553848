import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from './create-core';
import { DatabaseStartupError } from './db/startup-error';
import {
  MIGRATIONS_FOLDER,
  TEST_HOST,
  createCapturingLogger,
  createTestCore,
  entriesOf,
  logEntries,
  signInAdmin,
  tempDirForTest,
  testCore,
} from './test-support/test-core';

describe('createCore', () => {
  it('hands out services, not its database, write transaction or recorder', async () => {
    const dataDir = tempDirForTest();
    const core = createCore({
      dataDir,
      migrationsFolder: MIGRATIONS_FOLDER,
      mode: 'test',
      version: 'test',
      host: TEST_HOST,
      logger: createCapturingLogger(),
      background: false,
    });
    try {
      for (const inner of ['sqlite', 'write', 'recorder', 'db', 'orm']) {
        expect(core).not.toHaveProperty(inner);
      }
    } finally {
      await core.stop();
    }
  });

  it('logs start and stop as System entries, once each, and keeps its state across restarts', async () => {
    const dataDir = tempDirForTest();
    const first = createTestCore({ dataDir });
    first.core.start();
    first.core.start();
    await signInAdmin(first);
    await first.close();

    const again = testCore({ dataDir });
    again.core.start();
    const events = logEntries(again.core).map((e) => [e.event, e.type, e.actor, e.ip]);
    expect(events).toEqual([
      ['system.started', 'system', null, TEST_HOST.ip],
      ['auth.setup.completed', 'administrative', { id: 1, name: 'Ada Admin' }, '10.0.0.5'],
      ['auth.login.succeeded', 'user', { id: 1, name: 'Ada Admin' }, '10.0.0.5'],
      ['system.stopped', 'system', null, TEST_HOST.ip],
      ['system.started', 'system', null, TEST_HOST.ip],
    ]);
    expect(again.core.services.auth.status()).toEqual({ setupRequired: false });
  });

  it('logs no stop entry when it never started', async () => {
    const dataDir = tempDirForTest();
    const tc = createTestCore({ dataDir });
    await tc.close();
    const again = testCore({ dataDir });
    expect(logEntries(again.core)).toEqual([]);
  });
});

describe('stopping', () => {
  it('closes the database and unlocks the folder even when the last entry cannot be written (disk full)', async () => {
    const dataDir = tempDirForTest();
    const tc = createTestCore({ dataDir });
    tc.core.start();
    // SQLite's own limit plays the full disk: no page can be added to the file.
    const sqlite = tc.core.sqlite;
    sqlite.pragma(`max_page_count = ${String(sqlite.pragma('page_count', { simple: true }))}`);
    const fill = () =>
      tc.core.recorder.record({
        event: 'system.stopped',
        params: { mode: 'test' },
        ctx: { ...tc.core.systemMeta(), actor: null },
      });
    let full: unknown = null;
    for (let i = 0; i < 10_000 && full === null; i++) {
      try {
        fill();
      } catch (e) {
        full = e;
      }
    }
    expect((full as { code?: string } | null)?.code).toBe('SQLITE_FULL');

    await tc.close();
    expect(tc.logger.lines).toContainEqual({
      level: 'error',
      message: 'stopping: recording system.stopped failed',
      fields: { error: 'database or disk is full' },
    });
    expect(sqlite.open).toBe(false);
    expect(existsSync(join(dataDir, 'ispdesk.lock'))).toBe(false);
    // The folder opens again, with everything that was committed.
    const again = testCore({ dataDir });
    expect(entriesOf(again.core, 'system.started')).toHaveLength(1);
  });
});

describe('the data folder at start', () => {
  it('restricts a folder open to other users, with the files in it, and logs that it did', async () => {
    const dataDir = tempDirForTest();
    // A folder an older version (or someone by hand) left readable by everyone.
    await createTestCore({ dataDir }).close();
    mkdirSync(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, 'backups', 'ispdesk-20300101-000000.db'), 'x', { mode: 0o644 });
    chmodSync(join(dataDir, 'backups'), 0o755);
    chmodSync(join(dataDir, 'ispdesk.db'), 0o644);
    chmodSync(dataDir, 0o755);

    const tc = testCore({ dataDir });
    const mode = (name: string) => statSync(join(dataDir, name)).mode & 0o777;
    expect(mode('.')).toBe(0o700);
    expect(mode('ispdesk.db')).toBe(0o600);
    expect(mode('backups')).toBe(0o700);
    expect(mode('backups/ispdesk-20300101-000000.db')).toBe(0o600);
    tc.core.start();
    expect(entriesOf(tc.core, 'system.data_folder_secured')[0]?.description).toBe(
      `The data folder ${dataDir} was open to other users (permissions 0755): restricted to ` +
        'its owner, with 3 files in it',
    );
  });

  it('leaves a private folder as it is, and logs nothing', () => {
    const dataDir = tempDirForTest();
    const tc = testCore({ dataDir });
    tc.core.start();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(entriesOf(tc.core, 'system.data_folder_secured')).toEqual([]);
  });
});

describe('a failed start', () => {
  it('leaves nothing behind in a new data folder (no folder, database, -wal, -shm or lock)', () => {
    const dataDir = join(tempDirForTest(), 'new-office');
    expect(() =>
      createTestCore({ dataDir, migrationsFolder: join(dataDir, '..', 'no-migrations') }),
    ).toThrow(DatabaseStartupError);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("keeps an existing office's files as they were, and unlocks", async () => {
    const dataDir = tempDirForTest();
    await createTestCore({ dataDir }).close();
    const before = readdirSync(dataDir).sort();
    expect(() =>
      createTestCore({ dataDir, migrationsFolder: join(dataDir, 'no-migrations') }),
    ).toThrow(DatabaseStartupError);
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(before).not.toContain('ispdesk.lock');
  });
});
