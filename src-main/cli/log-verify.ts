import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../core/config';
import { verifyChain } from '../core/activity/verify-chain';

/**
 * `log verify [--data DIR] [--archive FILE]`: read-only check of the whole hash chain of the live
 * log, or of an archive file on any machine. Exit 0 intact, 1 broken, 2 unusable.
 */
export const logVerify = async (
  dataDir: string,
  out: (line: string) => void,
  archiveFile?: string,
): Promise<number> => {
  const file = archiveFile === undefined ? join(dataDir, DATABASE_FILE) : resolve(archiveFile);
  if (!existsSync(file)) {
    out(
      archiveFile === undefined
        ? `No ISP Desk database in ${dataDir} (looked for ${DATABASE_FILE}).`
        : `No archive at ${file}.`,
    );
    return 2;
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    sqlite.prepare('SELECT 1 FROM activity_log LIMIT 1').get();
  } catch (e) {
    out(`${file} is not an ISP Desk activity log: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  try {
    const result = await verifyChain(sqlite);
    if (result.ok) {
      out(`Activity log intact: ${String(result.checked)} entries verified (${file}).`);
      return 0;
    }
    out(`Activity log does NOT verify. ${String(result.reason)}`);
    out(`${String(result.checked)} entries before it verified.`);
    return 1;
  } finally {
    sqlite.close();
  }
};
