/**
 * What every entry point (headless server, Electron shell, CLI) does before anything else:
 * - files and folders it creates are its owner's only (the database, its -wal and -shm, backups,
 *   archives, exports): umask 077;
 * - a closed stdout or stderr (a closed terminal, a dead `| tee`, a parent that exited) never
 *   throws into the process: the error is absorbed and later lines are dropped (see writeLine).
 */
export const prepareProcess = (): void => {
  process.umask(0o077);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => stream.destroy());
  }
};
