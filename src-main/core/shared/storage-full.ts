/** What every call that could not be saved for lack of disk space answers (`storage_full`). */
export const STORAGE_FULL_MESSAGE =
  'The disk holding the data folder is full. Free space; nothing was saved.';

/**
 * SQLite's "database or disk is full" (SQLITE_FULL), its I/O errors (SQLITE_IOERR and the
 * extended codes, e.g. SQLITE_IOERR_WRITE, _FSYNC, _SHMSIZE: what a full disk turns into when
 * the WAL or its index cannot grow) and the operating system's ENOSPC / EDQUOT. A failed
 * statement or transaction is rolled back by SQLite, so nothing of the call was kept.
 */
export const isStorageFull = (e: unknown): boolean => {
  for (let cause = e, depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^(SQLITE_FULL|SQLITE_IOERR|ENOSPC$|EDQUOT$)/.test(code)) {
      return true;
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
};
