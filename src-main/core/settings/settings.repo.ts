import type Database from 'better-sqlite3';

/** Reads and writes rows of the shared `settings` key/value table. */
export const createSettingsRepo = (sqlite: Database.Database) => {
  const get = sqlite.prepare<[string], { value: string }>(
    'SELECT value FROM settings WHERE key = ?',
  );
  const put = sqlite.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    put: (key: string, value: string, now: number): void => {
      put.run(key, value, now);
    },
  };
};

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
