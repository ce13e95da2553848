import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from '../db/open-database';
import type { Clock } from '../shared/clock';
import { backupName, rotateBackups } from './backup-files';
import { finishAndVerifyBackup, type ChainHead } from './verify-backup';
import type { TaskRunner } from '../tasks/task-runner';

/** Pages copied per step; between steps the event loop runs and writers go on (4 KiB pages). */
const PAGES_PER_STEP = 256;

const STOPPED = 'The backup was stopped: the app is shutting down.';

export type BackupResult = { file: string; bytes: number; kept: number; removed: string[] };

/**
 * Online backup with SQLite's backup API. With task threads, a thread copies one consistent
 * snapshot on its own read-only connection and checks the copy there; otherwise better-sqlite3
 * steps it on this connection between event-loop turns (writes continue and are copied too).
 * Written to `<name>.partial`, made one file, verified, then renamed into place; only then are
 * backups beyond `keep` deleted.
 */
export const createDatabaseBackup = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  folder: string;
  keep: () => number;
  nativeBinding?: string;
  /** With task threads, the copy and its check run on one (see tasks/task-bodies.ts). */
  tasks?: TaskRunner;
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
        if (deps.tasks?.threaded) {
          await deps.tasks
            .run(
              {
                kind: 'backup',
                file: deps.sqlite.name,
                target: partial,
                head: headAtStart ?? null,
              },
              { signal },
            )
            .catch((e: unknown) => {
              throw signal.aborted ? new Error(STOPPED) : e;
            });
        } else {
          await deps.sqlite.backup(partial, {
            progress: () => {
              if (signal.aborted) throw new Error(STOPPED);
              return PAGES_PER_STEP;
            },
          });
          finishAndVerifyBackup(partial, headAtStart, deps.nativeBinding);
        }
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
