import { accessSync, constants, existsSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { DatabaseStartupError } from './db/startup-error';

const RW = constants.R_OK | constants.W_OK;

const userName = (): string => {
  try {
    return userInfo().username;
  } catch {
    return `user ${String(process.getuid?.() ?? '?')}`;
  }
};

/** One sentence for a refused file operation: read-only file system or permission denied. */
export const accessProblem = (what: string, e: unknown): DatabaseStartupError => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EROFS') {
    return new DatabaseStartupError(
      `${what} is on a read-only file system. Start ISP Desk with a writable --data folder.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new DatabaseStartupError(
      `${what} cannot be written by ${userName()} (permission denied). Give that user write ` +
        'access, or start ISP Desk with another --data folder.',
    );
  }
  return new DatabaseStartupError(`${what} cannot be used: ${(e as Error).message}`);
};

const nearestExisting = (dir: string): string => {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
};

/**
 * Checks, before anything is created, that the data folder (or the folder it will be made in)
 * and the database files in it can be read and written. SQLite would otherwise open a read-only
 * file read-only, create its -wal and -shm beside it and fail later with a less helpful message.
 */
export const checkDataDirAccess = (dataDir: string, files: readonly string[]): void => {
  const folder = existsSync(dataDir) ? dataDir : nearestExisting(dataDir);
  if (folder === dataDir && !statSync(dataDir).isDirectory()) {
    throw new DatabaseStartupError(`The data folder ${dataDir} is a file, not a folder.`);
  }
  try {
    accessSync(folder, RW | constants.X_OK);
  } catch (e) {
    throw accessProblem(
      folder === dataDir ? `The data folder ${dataDir}` : `The folder ${folder}`,
      e,
    );
  }
  for (const name of files) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    try {
      accessSync(file, RW);
    } catch (e) {
      throw accessProblem(`The file ${file}`, e);
    }
  }
};

/**
 * What a failed start must not leave behind. `files()` removes the database's files only when
 * none of them existed before (a new office whose first start failed: nothing in them is
 * anyone's), never a database that was there (its -wal may hold committed work), and the data
 * folder when it was made by this start and is empty; `folder()` only the folder (when the lock
 * was refused, every file there belongs to the app that holds it).
 */
export const leftoverGuard = (dataDir: string, files: readonly string[]) => {
  const folderExisted = existsSync(dataDir);
  const paths = files.map((name) => join(dataDir, name));
  const fresh = !paths.some((file) => existsSync(file));
  const folder = () => {
    if (folderExisted) return;
    try {
      rmdirSync(dataDir);
    } catch {
      // Not empty, or already gone: left as it is.
    }
  };
  return {
    folder,
    files: () => {
      if (fresh) for (const file of paths) rmSync(file, { force: true });
      folder();
    },
  };
};
