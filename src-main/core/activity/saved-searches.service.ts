import { and, asc, eq } from 'drizzle-orm';
import type { Orm } from '../db/open-database';
import { savedSearches } from '../db/schema';
import { AppError } from '../shared/app-error';
import type { Actor } from '../shared/context';
import { ActivityFilterSchema, type ActivityFilter } from '../../contract/schemas/activity';

const MAX_PER_STAFF = 100;

export type SavedSearch = { id: number; name: string; filter: ActivityFilter; createdAt: number };

/** Each staff member's named log filters. Not audit data: not logged, not shared. */
export const createSavedSearches = (deps: { orm: Orm; now: () => number }) => {
  const { orm } = deps;
  const mine = (actor: Actor) =>
    orm
      .select()
      .from(savedSearches)
      .where(eq(savedSearches.staffId, actor.staffId))
      .orderBy(asc(savedSearches.name))
      .all();

  return {
    list: (actor: Actor): SavedSearch[] =>
      mine(actor).flatMap((r) => {
        // A filter saved by an older version that no longer parses is skipped, not fatal.
        const parsed = ActivityFilterSchema.safeParse(JSON.parse(r.filter));
        return parsed.success
          ? [{ id: r.id, name: r.name, filter: parsed.data, createdAt: r.createdAt }]
          : [];
      }),

    /** Saves under a name; saving again under the same name replaces the filter. */
    save: (actor: Actor, name: string, filter: ActivityFilter): SavedSearch => {
      const existing = mine(actor).find((r) => r.name === name);
      const now = deps.now();
      if (existing) {
        orm
          .update(savedSearches)
          .set({ filter: JSON.stringify(filter), createdAt: now })
          .where(eq(savedSearches.id, existing.id))
          .run();
        return { id: existing.id, name, filter, createdAt: now };
      }
      if (mine(actor).length >= MAX_PER_STAFF) {
        throw new AppError(
          'conflict',
          `You can keep at most ${String(MAX_PER_STAFF)} saved searches.`,
        );
      }
      const row = orm
        .insert(savedSearches)
        .values({ staffId: actor.staffId, name, filter: JSON.stringify(filter), createdAt: now })
        .returning()
        .get();
      return { id: row.id, name, filter, createdAt: now };
    },

    delete: (actor: Actor, id: number): void => {
      const done = orm
        .delete(savedSearches)
        .where(and(eq(savedSearches.id, id), eq(savedSearches.staffId, actor.staffId)))
        .run();
      if (done.changes === 0) throw new AppError('not_found', 'No such saved search.');
    },
  };
};
