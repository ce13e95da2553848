import type Database from 'better-sqlite3';

export type WriteTransaction = <T>(fn: () => T) => T;

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken up front, so the hash chain's
 * "read the head, append" cannot interleave with another connection). Synchronous by design:
 * never await inside, and do network I/O before or after, not during. Nested calls join the
 * outer transaction. `beginning` runs before an outermost one opens (the clock watch logs a
 * clock change there, ahead of the change it would otherwise be mistaken for).
 */
export const createWriteTransaction =
  (
    sqlite: Database.Database,
    hooks: { beginning?(): void; committed(): void; rolledBack(): void },
  ): WriteTransaction =>
  (fn) => {
    if (sqlite.inTransaction) return fn();
    hooks.beginning?.();
    try {
      const result = sqlite.transaction(fn).immediate();
      hooks.committed();
      return result;
    } catch (e) {
      hooks.rolledBack();
      throw e;
    }
  };
