import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseStartupError } from './db/startup-error';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One running app per data folder: its timers (expiry, polling) must run exactly once per
 * database. A lock left by a process that died is taken over.
 */
export const lockDataDir = (dataDir: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'ispdesk.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new DatabaseStartupError(
          `ISP Desk is already running on the data folder ${dataDir} (process ${String(pid)}). ` +
            'Use that instance, or start this one with another --data folder.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseStartupError(`Cannot lock the data folder ${dataDir}.`);
};
