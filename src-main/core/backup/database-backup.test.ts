import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SECOND,
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  type TestCore,
} from '../test-support/test-core';
import { createTaskRunner, type TaskRunner } from '../tasks/task-runner';
import { backupName, listBackups } from './backup-files';
import { createDatabaseBackup } from './database-backup';

const never = new AbortController().signal;

const backupOf = (tc: TestCore, keep = 7, tasks?: TaskRunner) =>
  createDatabaseBackup({
    sqlite: tc.core.sqlite,
    clock: tc.clock,
    folder: join(tc.dataDir, 'backups'),
    keep: () => keep,
    ...(tasks ? { tasks } : {}),
  });
const onThreads = () => createTaskRunner(TASKS_FROM_SOURCE);

/**
 * About 8 MB of pages, then a backup while entries are recorded at every turn of the event loop;
 * returns the backup and how many entries were written during it.
 */
const backupWhileWriting = async (tc: TestCore, tasks?: TaskRunner) => {
  tc.core.write(() => {
    const put = tc.core.sqlite.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)',
    );
    for (let i = 0; i < 64; i++) put.run(`filler.${String(i)}`, 'x'.repeat(128 * 1024));
  });
  const copying = { done: false };
  const running = backupOf(tc, 7, tasks)
    .run(never)
    .finally(() => {
      copying.done = true;
    });
  let writesDuring = 0;
  while (!copying.done) {
    tc.core.recorder.record({
      event: 'system.started',
      params: { version: 'test', mode: 'test' },
      ctx: { ...tc.core.systemMeta(), actor: null },
    });
    writesDuring++;
    await new Promise((r) => setImmediate(r));
  }
  return { result: await running, writesDuring };
};

const headOf = (db: Database.Database) =>
  db
    .prepare<[], { id: number; row_hash: Buffer }>(
      'SELECT id, row_hash FROM activity_log ORDER BY id DESC LIMIT 1',
    )
    .get();

describe('database backup', () => {
  it('writes one verified, self-contained file named by its UTC time, and leaves no partial file', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    const result = await backupOf(tc).run(never);

    expect(result.file).toBe('ispdesk-20300115-090000.db');
    expect(result.kept).toBe(1);
    expect(result.removed).toEqual([]);
    const folder = join(tc.dataDir, 'backups');
    expect(readdirSync(folder)).toEqual([result.file]);

    const copy = new Database(join(folder, result.file), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(headOf(copy)).toEqual(headOf(tc.core.sqlite));
      expect(copy.prepare('SELECT username FROM staff').pluck().all()).toEqual(['admin']);
    } finally {
      copy.close();
    }
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('keeps the newest N backups and never touches other files in the folder', async () => {
    const tc = testCore();
    const folder = join(tc.dataDir, 'backups');
    mkdirSync(folder);
    const old = Array.from({ length: 5 }, (_, i) => backupName(Date.UTC(2030, 0, 10 + i, 2)));
    const others = [
      'notes.txt',
      'ispdesk.db',
      'ispdesk-manual.db',
      'ispdesk-20300101-000000.db.bak',
    ];
    for (const name of [...old, ...others]) writeFileSync(join(folder, name), 'x');

    const result = await backupOf(tc, 3).run(never);
    expect(result.kept).toBe(3);
    expect(result.removed.sort()).toEqual(old.slice(0, 3).sort());
    expect(listBackups(folder)).toEqual([result.file, old[4], old[3]]);
    for (const name of others) expect(existsSync(join(folder, name))).toBe(true);
  });

  it('names a second backup in the same second apart, and orders it after the first', async () => {
    const tc = testCore();
    const backup = backupOf(tc);
    const first = await backup.run(never);
    const second = await backup.run(never);
    expect(second.file).toBe('ispdesk-20300115-090000-2.db');
    expect(listBackups(join(tc.dataDir, 'backups'))).toEqual([second.file, first.file]);
    tc.clock.advance(SECOND);
    const third = await backup.run(never);
    expect(listBackups(join(tc.dataDir, 'backups'))[0]).toBe(third.file);
  });

  it('copies online: writes go on while it steps through the pages, and the copy verifies', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    // About 8 MB of pages, so that the copy takes many steps with the event loop free between.
    const { result, writesDuring } = await backupWhileWriting(tc);
    expect(writesDuring).toBeGreaterThan(3);
    const copy = new Database(join(tc.dataDir, 'backups', result.file), { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      const copied = copy.prepare('SELECT count(*) FROM activity_log').pluck().get();
      expect(copied).toBeGreaterThanOrEqual(3);
    } finally {
      copy.close();
    }
  });

  it('fails in plain words when the folder cannot be made, and writes nothing', async () => {
    const tc = testCore();
    writeFileSync(join(tc.dataDir, 'backups'), 'not a folder');
    await expect(backupOf(tc).run(never)).rejects.toThrow(/EEXIST|ENOTDIR|not a directory|exists/);
    expect(readdirSync(tc.dataDir).filter((n) => n.startsWith('ispdesk-'))).toEqual([]);
  });

  it('gives up when the app stops, and removes its partial file', async () => {
    const tc = testCore();
    const stop = new AbortController();
    stop.abort();
    await expect(backupOf(tc).run(stop.signal)).rejects.toThrow(
      'The backup was stopped: the app is shutting down.',
    );
    expect(readdirSync(join(tc.dataDir, 'backups'))).toEqual([]);
  });

  it('copies and checks on a task thread while writes go on, with the same result', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    const { result, writesDuring } = await backupWhileWriting(tc, onThreads());
    expect(writesDuring).toBeGreaterThan(0);
    expect(result.file).toBe('ispdesk-20300115-090000.db');
    expect(readdirSync(join(tc.dataDir, 'backups'))).toEqual([result.file]);
    const copy = new Database(join(tc.dataDir, 'backups', result.file), { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT username FROM staff').pluck().all()).toEqual(['admin']);
      expect(copy.prepare('SELECT count(*) FROM settings').pluck().get()).toBeGreaterThan(64);
    } finally {
      copy.close();
    }
  });

  it('stopped on its thread, it leaves no partial file', async () => {
    const tc = testCore();
    const stop = new AbortController();
    const running = backupOf(tc, 7, onThreads()).run(stop.signal);
    stop.abort();
    await expect(running).rejects.toThrow('The backup was stopped: the app is shutting down.');
    expect(readdirSync(join(tc.dataDir, 'backups'))).toEqual([]);
  });
});
