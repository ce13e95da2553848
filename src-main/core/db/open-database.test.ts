import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../config';
import {
  ADMIN,
  MIGRATIONS_FOLDER,
  createTestCore,
  logRows,
  signInAdmin,
  tempDirForTest,
  testCore,
  unwrap,
} from '../test-support/test-core';
import { openDatabase } from './open-database';
import { DatabaseStartupError } from './startup-error';

type Journal = {
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
};

/** A copy of the real migrations folder with one more migration appended to its journal. */
const migrationsWithExtra = (sql: string, whenOffset = 1_000): string => {
  const folder = join(tempDirForTest('migrations'), 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  const last = journal.entries.at(-1);
  if (!last) throw new Error('the real journal has no entries');
  const tag = `${String(journal.entries.length).padStart(4, '0')}_extra`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + whenOffset, tag });
  writeFileSync(journalFile, JSON.stringify(journal, null, 2));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
};

/** How many migrations this build carries (other issues add more; never hard-code it). */
const KNOWN = (
  JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal
).entries.length;

const applied = (db: { prepare(sql: string): { get(): unknown } }): unknown =>
  db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get();

const tableExists = (file: string, name: string): boolean => {
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
  try {
    return (
      db.sqlite
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        .get(name) !== undefined
    );
  } finally {
    db.close();
  }
};

describe('openDatabase', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const dir = tempDirForTest();
    const db = openDatabase({
      file: join(dir, DATABASE_FILE),
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    try {
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      // The real migrations ran: the tables and the FTS index exist.
      const names = db.sqlite
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => r.name);
      expect(names).toEqual(
        expect.arrayContaining(['staff', 'sessions', 'settings', 'activity_log', 'activity_fts']),
      );
      // Foreign keys are enforced, not just declared.
      expect(() =>
        db.sqlite
          .prepare(
            `INSERT INTO sessions (id, token_hash, staff_id, created_at, last_seen_at,
               absolute_expires_at, ip) VALUES ('s', 'h', 999, 0, 0, 0, '127.0.0.1')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('is idempotent: reopening applies nothing twice and keeps the data', async () => {
    const dataDir = tempDirForTest();
    const first = createTestCore({ dataDir });
    await signInAdmin(first);
    const rows = logRows(first.core).length;
    await first.close();

    const second = createTestCore({ dataDir });
    try {
      expect(logRows(second.core)).toHaveLength(rows);
      expect(applied(second.core.sqlite)).toEqual({ n: KNOWN });
    } finally {
      await second.close();
    }
  });

  it('refuses to start when a migration fails, and keeps the existing data', async () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    const before = createTestCore({ dataDir });
    const admin = await signInAdmin(before);
    unwrap(
      await admin.call('staff.create', {
        username: 'cashier1',
        displayName: 'Cash Ier',
        role: 'cashier',
        password: 'cashier password 1',
      }),
    );
    const rowsBefore = logRows(before.core);
    await before.close();
    expect(rowsBefore.length).toBeGreaterThan(2);

    // The first statement would succeed on its own; the second fails, so neither may stay.
    const broken = migrationsWithExtra(
      'CREATE TABLE `new_stuff` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\n' +
        'INSERT INTO `no_such_table` (`id`) VALUES (1);',
    );

    let caught: unknown;
    try {
      createTestCore({ dataDir, migrationsFolder: broken });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DatabaseStartupError);
    const message = (caught as DatabaseStartupError).message;
    expect(message).toMatch(/Updating the database schema failed, so nothing was changed/);
    expect(message).toMatch(/no_such_table/);
    // openDatabase alone refuses the same way.
    expect(() => openDatabase({ file, migrationsFolder: broken })).toThrow(DatabaseStartupError);

    // The file is still there and every row is as it was; the half-migration left nothing.
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(0);
    const after = createTestCore({ dataDir });
    try {
      expect(logRows(after.core)).toEqual(rowsBefore);
      const staff = after.core.sqlite
        .prepare<[], { username: string }>('SELECT username FROM staff ORDER BY id')
        .all();
      expect(staff.map((s) => s.username)).toEqual([ADMIN.username, 'cashier1']);
      expect(applied(after.core.sqlite)).toEqual({ n: KNOWN });
    } finally {
      await after.close();
    }
    expect(tableExists(file, 'new_stuff')).toBe(false);
  });

  it('applies a good new migration on top of existing data', () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER }).close();
    const extra = migrationsWithExtra('CREATE TABLE `new_stuff` (`id` integer PRIMARY KEY);');
    openDatabase({ file, migrationsFolder: extra }).close();
    const db = openDatabase({ file, migrationsFolder: extra });
    try {
      expect(applied(db.sqlite)).toEqual({ n: KNOWN + 1 });
    } finally {
      db.close();
    }
  });

  it('refuses a database with an applied migration this build does not know', () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    // A newer build applied one more migration.
    const newer = migrationsWithExtra('CREATE TABLE `from_the_future` (`id` integer PRIMARY KEY);');
    openDatabase({ file, migrationsFolder: newer }).close();

    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER })).toThrow(
      /written by a newer or different version of ISP Desk/,
    );
    expect(() => createTestCore({ dataDir })).toThrow(DatabaseStartupError);
    // Refused, not "fixed": the newer build can still open it as it left it.
    const db = openDatabase({ file, migrationsFolder: newer });
    try {
      expect(applied(db.sqlite)).toEqual({ n: KNOWN + 1 });
    } finally {
      db.close();
    }
  });

  it('refuses a database whose applied migration differs from this build', () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER }).close();
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    db.sqlite
      .prepare("UPDATE __drizzle_migrations SET hash = 'something else' WHERE rowid = 1")
      .run();
    db.close();
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER })).toThrow(
      /applied with different contents/,
    );
  });

  it('reports a file that is not a database as a startup error, without touching it', () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    const garbage = 'this is not an SQLite database, but it is somebody’s file\n'.repeat(200);
    writeFileSync(file, garbage);
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER })).toThrow(
      DatabaseStartupError,
    );
    expect(readFileSync(file, 'utf8')).toBe(garbage);
  });

  it('refuses a foreign SQLite database (no ISP Desk migration record) and leaves its bytes alone', () => {
    const dataDir = tempDirForTest();
    const file = join(dataDir, DATABASE_FILE);
    const photos = new Database(file);
    photos.exec(
      "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES ('beach.jpg')",
    );
    photos.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER })).toThrow(
      /is not an ISP Desk database \(it holds other tables, e\.g\. "photos"\); it was left unchanged/,
    );
    expect(() => createTestCore({ dataDir })).toThrow(DatabaseStartupError);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(join(dataDir, 'ispdesk.lock'))).toBe(false);
  });

  it('initialises an empty database file: zero bytes, or SQLite with no tables', () => {
    const zero = join(tempDirForTest(), DATABASE_FILE);
    writeFileSync(zero, '');
    const empty = join(tempDirForTest(), DATABASE_FILE);
    const blank = new Database(empty);
    blank.pragma('user_version = 0');
    blank.exec('VACUUM');
    blank.close();
    for (const file of [zero, empty]) {
      const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
      expect(applied(db.sqlite)).toEqual({ n: KNOWN });
      db.close();
    }
  });

  it('lets the core start again after a refused start (the data-folder lock is released)', async () => {
    const dataDir = tempDirForTest();
    const broken = migrationsWithExtra('THIS IS NOT SQL;');
    expect(() => createTestCore({ dataDir, migrationsFolder: broken })).toThrow(
      DatabaseStartupError,
    );
    expect(existsSync(join(dataDir, 'ispdesk.lock'))).toBe(false);
    const tc = testCore({ dataDir });
    await signInAdmin(tc);
    expect(logRows(tc.core).length).toBeGreaterThan(0);
  });
});
