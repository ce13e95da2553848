/**
 * Repository of the `settings` key/value table: all SQL on it lives here. It takes a bare
 * connection because the activity-log archives (which hold a `settings` table too) are opened
 * without the app's drizzle instance.
 */
import { eq, sql } from 'drizzle-orm';
import { ormOf, type Sqlite } from '../db/open-database';
import { settings } from '../db/schema';

export const createSettingsRepo = (sqlite: Sqlite) => {
  const orm = ormOf(sqlite);
  return {
    get: (key: string): string | undefined =>
      orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
        ?.value,
    put: (key: string, value: string, now: number): void => {
      orm
        .insert(settings)
        .values({ key, value, updatedAt: now })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
        })
        .run();
    },
  };
};

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
