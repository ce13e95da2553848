import type Database from 'better-sqlite3';

/**
 * Named sequences in the `counters` table. `next` must run inside the write transaction that
 * uses the number: if that transaction rolls back, so does the increment, and no number is lost.
 */
export const createCounters = (sqlite: Database.Database) => {
  const bump = sqlite.prepare<[string], { value: number }>(
    `INSERT INTO counters (name, value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const peek = sqlite.prepare<[string], { value: number }>(
    'SELECT value FROM counters WHERE name = ?',
  );
  return {
    next: (name: string): number => {
      if (!sqlite.inTransaction) throw new Error(`counter ${name} advanced outside a transaction`);
      const row = bump.get(name);
      if (!row) throw new Error(`counter ${name} did not advance`);
      return row.value;
    },
    current: (name: string): number => peek.get(name)?.value ?? 0,
  };
};

export type Counters = ReturnType<typeof createCounters>;
