import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Group and world permission bits. */
const OTHERS = 0o077;

/** What tightenDataDir changed: the folder's mode before, and how many entries it restricted. */
export type DataDirTightening = { folderMode: string; entries: number; failed: number };

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/**
 * The data folder holds the office's database, keys and backups: only its owner may read it.
 * The app creates everything owner-only (umask 077 at start), but a folder made earlier by hand
 * or by an older version may be group/world-accessible: if so, the folder becomes 0700 and every
 * file and folder in it (symbolic links are not followed) loses its group and world bits.
 * Returns null when the folder was already private.
 */
export const tightenDataDir = (
  dataDir: string,
  warn: (message: string, fields: Record<string, unknown>) => void,
): DataDirTightening | null => {
  const stat = statSync(dataDir);
  if ((stat.mode & OTHERS) === 0) return null;
  let entries = 0;
  let failed = 0;
  const restrict = (path: string, mode: number) => {
    if ((mode & OTHERS) === 0) return;
    try {
      chmodSync(path, mode & 0o7700);
      entries++;
    } catch (e) {
      failed++;
      warn('cannot restrict the permissions of a file in the data folder', {
        path,
        error: (e as Error).message,
      });
    }
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const entry = lstatSync(path);
      if (entry.isSymbolicLink()) continue;
      restrict(path, entry.mode);
      if (entry.isDirectory()) walk(path);
    }
  };
  chmodSync(dataDir, 0o700);
  walk(dataDir);
  return { folderMode: octal(stat.mode), entries, failed };
};
