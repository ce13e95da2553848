import type Database from 'better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { DatabaseStartupError } from './startup-error';

/** created_at is a NUMERIC column: it may come back as a number or a string. */
type Applied = { hash: string; created_at: number | string };

/** Refuses a database whose applied migrations this build does not know or knows differently. */
export const checkMigrationHistory = (sqlite: Database.Database, known: MigrationMeta[]): void => {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return;
  const applied = sqlite
    .prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at')
    .all() as Applied[];
  const byTime = new Map(known.map((m) => [m.folderMillis, m]));
  for (const row of applied) {
    const mine = byTime.get(Number(row.created_at));
    if (!mine) {
      throw new DatabaseStartupError(
        'This data folder was written by a newer or different version of ISP Desk; ' +
          'start that version, or open another data folder. Nothing was changed.',
      );
    }
    if (mine.hash !== row.hash) {
      throw new DatabaseStartupError(
        `Migration ${String(mine.folderMillis)} was applied with different contents than this ` +
          'build carries; refusing to start so that nothing is changed.',
      );
    }
  }
};
