import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseStartupError } from './startup-error';

/**
 * Refuses a database that holds something but was never an ISP Desk office: a file with tables,
 * views or indexes and no ISP Desk migration record (someone's `photos.db` renamed), which the
 * migrator would otherwise fill with the office's tables. Looked at read-only, before any pragma
 * (`journal_mode = WAL` alone rewrites the header), so a refused file keeps its bytes. A missing,
 * zero-byte or empty database holds nothing and may be initialised.
 */
export const refuseForeignDatabase = (file: string, nativeBinding?: string): void => {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return;
  let look: Database.Database;
  try {
    look = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch {
    return; // Not readable as SQLite: openDatabase says why in its own words.
  }
  try {
    const objects = look
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((r) => r.name);
    if (objects.length > 0 && !objects.includes('__drizzle_migrations')) {
      throw new DatabaseStartupError(
        `${file} is not an ISP Desk database (it holds other tables, e.g. "${objects[0] ?? ''}"); ` +
          'it was left unchanged. Move it away or open another data folder.',
      );
    }
  } catch (e) {
    if (e instanceof DatabaseStartupError) throw e;
    // Unreadable contents (not a database, encrypted): openDatabase reports it.
  } finally {
    look.close();
  }
};
