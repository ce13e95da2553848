import Database from 'better-sqlite3';

export type ChainHead = { id: number; row_hash: Buffer };

/**
 * Makes a fresh backup one self-contained file (rollback journal, not WAL: restoring it is one
 * copy) and checks it: SQLite's quick_check passes and the activity log's head at the time the
 * backup started is in it with the same hash. Throws, in plain words, when it is not usable.
 */
export const finishAndVerifyBackup = (
  file: string,
  headAtStart: ChainHead | undefined,
  nativeBinding?: string,
): void => {
  const binding = nativeBinding ? { nativeBinding } : {};
  const rw = new Database(file, { ...binding, fileMustExist: true });
  try {
    rw.pragma('journal_mode = DELETE');
  } finally {
    rw.close();
  }
  const check = new Database(file, { ...binding, readonly: true, fileMustExist: true });
  try {
    const quick: unknown = check.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      throw new Error(`The backup failed SQLite's integrity check (${String(quick)}).`);
    }
    if (headAtStart) {
      const row = check
        .prepare<[number], { row_hash: Buffer }>('SELECT row_hash FROM activity_log WHERE id = ?')
        .get(headAtStart.id);
      if (!row?.row_hash.equals(headAtStart.row_hash)) {
        throw new Error(
          `The backup does not hold activity entry ${String(headAtStart.id)} as the database did.`,
        );
      }
    }
  } finally {
    check.close();
  }
};
