import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { checkMigrationHistory } from './migration-history';
import { refuseForeignDatabase } from './foreign-database';
import { DatabaseStartupError } from './startup-error';

/** better-sqlite3's connection type, named so that declarations can refer to it. */
export type Sqlite = Database.Database;
export type Orm = BetterSQLite3Database<typeof schema> & { $client: Sqlite };
export type Db = { sqlite: Sqlite; orm: Orm; close(): void };

/** drizzle over an open connection, with the app's schema and column naming. */
export const ormOf = (sqlite: Sqlite): Orm =>
  drizzle({ client: sqlite, schema, casing: 'snake_case' });

/** The WAL file is cut back to 4 MiB whenever it restarts. */
export const WAL_SIZE_LIMIT = 4 * 1024 * 1024;

const PRAGMAS = [
  'journal_mode = WAL',
  // better-sqlite3 compiles WAL databases to NORMAL; the audit trail must survive power loss.
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // Each time the WAL restarts from its beginning, it is cut back to this (write-upkeep.ts
  // empties it when idle); without it the file keeps its largest size for ever.
  `journal_size_limit = ${String(WAL_SIZE_LIMIT)}`,
  'cache_size = -65536',
  'temp_store = MEMORY',
];

/**
 * Opens (creating if needed) the database and brings its schema up to date. drizzle's migrator
 * runs all pending migrations in one transaction: if any fails, none is kept and this throws; the
 * file is never deleted or replaced. A database written by a newer version, or whose applied
 * migrations differ from this build's, is refused rather than "fixed".
 */
export const openDatabase = (opts: {
  file: string;
  migrationsFolder: string;
  /** better-sqlite3's compiled module for another runtime (Electron's ABI). */
  nativeBinding?: string;
}): Db => {
  refuseForeignDatabase(opts.file, opts.nativeBinding);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(
      opts.file,
      opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
    );
  } catch (e) {
    throw new DatabaseStartupError(`Cannot open the database ${opts.file}: ${message(e)}`);
  }
  try {
    for (const p of PRAGMAS) sqlite.pragma(p);
    const orm = ormOf(sqlite);
    checkMigrationHistory(sqlite, readMigrationFiles({ migrationsFolder: opts.migrationsFolder }));
    try {
      migrate(orm, { migrationsFolder: opts.migrationsFolder });
    } catch (e) {
      throw new DatabaseStartupError(
        `Updating the database schema failed, so nothing was changed: ${message(e)}`,
      );
    }
    return { sqlite, orm, close: () => sqlite.close() };
  } catch (e) {
    sqlite.close();
    if (e instanceof DatabaseStartupError) throw e;
    throw new DatabaseStartupError(`Cannot use the database ${opts.file}: ${message(e)}`);
  }
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
