import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../core/config';
import { verifyChain } from '../core/activity/verify-chain';

/** `log verify`: read-only check of the whole hash chain. Exit 0 intact, 1 broken, 2 unusable. */
export const logVerify = async (dataDir: string, out: (line: string) => void): Promise<number> => {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    out(`No ISP Desk database in ${dataDir} (looked for ${DATABASE_FILE}).`);
    return 2;
  }
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
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
