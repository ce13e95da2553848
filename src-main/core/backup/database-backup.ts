import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from '../db/open-database';
import type { Clock } from '../shared/clock';
import { backupName, rotateBackups } from './backup-files';
import { finishAndVerifyBackup, type ChainHead } from './verify-backup';

/** Pages copied per step; between steps the event loop runs and writers go on (4 KiB pages). */
const PAGES_PER_STEP = 256;

export type BackupResult = { file: string; bytes: number; kept: number; removed: string[] };

/**
 * Online backup with SQLite's backup API (better-sqlite3 steps it between event-loop turns, so
 * writes on this connection continue and are copied too). Written to `<name>.partial`, made one
 * file, verified, then renamed into place; only then are backups beyond `keep` deleted.
 */
export const createDatabaseBackup = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  folder: string;
  keep: () => number;
  nativeBinding?: string;
}) => {
  const head = deps.sqlite.prepare<[], ChainHead>(
    'SELECT id, row_hash FROM activity_log ORDER BY id DESC LIMIT 1',
  );

  return {
    run: async (signal: AbortSignal): Promise<BackupResult> => {
      mkdirSync(deps.folder, { recursive: true, mode: 0o700 });
      const now = deps.clock.now();
      let n = 1;
      while (existsSync(join(deps.folder, backupName(now, n)))) n++;
      const name = backupName(now, n);
      const file = join(deps.folder, name);
      const partial = `${file}.partial`;
      const leftovers = [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`];
      const headAtStart = head.get();
      try {
        for (const f of leftovers) rmSync(f, { force: true });
        await deps.sqlite.backup(partial, {
          progress: () => {
            if (signal.aborted)
              throw new Error('The backup was stopped: the app is shutting down.');
            return PAGES_PER_STEP;
          },
        });
        finishAndVerifyBackup(partial, headAtStart, deps.nativeBinding);
        renameSync(partial, file);
      } finally {
        for (const f of leftovers) rmSync(f, { force: true });
      }
      const bytes = statSync(file).size;
      const { kept, removed } = rotateBackups(deps.folder, deps.keep());
      return { file: name, bytes, kept, removed };
    },
  };
};

export type DatabaseBackup = ReturnType<typeof createDatabaseBackup>;
