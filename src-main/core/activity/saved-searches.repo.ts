/** Repository of the `saved_searches` table: all SQL on it lives here. */
import { and, asc, eq } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { savedSearches } from '../db/schema';

export type SavedSearchRecord = typeof savedSearches.$inferSelect;

export const createSavedSearchesRepo = (orm: Orm) => ({
  /** One staff member's saved searches, by name. */
  ofStaff: (staffId: number): SavedSearchRecord[] =>
    orm
      .select()
      .from(savedSearches)
      .where(eq(savedSearches.staffId, staffId))
      .orderBy(asc(savedSearches.name))
      .all(),

  replace: (id: number, filter: string, now: number): void => {
    orm.update(savedSearches).set({ filter, createdAt: now }).where(eq(savedSearches.id, id)).run();
  },

  insert: (values: Omit<SavedSearchRecord, 'id'>): SavedSearchRecord =>
    orm.insert(savedSearches).values(values).returning().get(),

  /** Deletes one of the staff member's saved searches; false if there was none. */
  delete: (staffId: number, id: number): boolean =>
    orm
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, id), eq(savedSearches.staffId, staffId)))
      .run().changes > 0,
});

export type SavedSearchesRepo = ReturnType<typeof createSavedSearchesRepo>;
