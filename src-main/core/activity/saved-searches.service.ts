import type { Orm } from '../db/open-database';
import { AppError } from '../shared/app-error';
import type { Actor } from '../shared/context';
import { ActivityFilterSchema, type ActivityFilter } from '../../contract/schemas/activity';
import { createSavedSearchesRepo } from './saved-searches.repo';

const MAX_PER_STAFF = 100;

export type SavedSearch = { id: number; name: string; filter: ActivityFilter; createdAt: number };

/** Each staff member's named log filters. Not audit data: not logged, not shared. */
export const createSavedSearches = (deps: { orm: Orm; now: () => number }) => {
  const repo = createSavedSearchesRepo(deps.orm);
  const mine = (actor: Actor) => repo.ofStaff(actor.staffId);

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
        repo.replace(existing.id, JSON.stringify(filter), now);
        return { id: existing.id, name, filter, createdAt: now };
      }
      if (mine(actor).length >= MAX_PER_STAFF) {
        throw new AppError(
          'conflict',
          `You can keep at most ${String(MAX_PER_STAFF)} saved searches.`,
        );
      }
      const row = repo.insert({
        staffId: actor.staffId,
        name,
        filter: JSON.stringify(filter),
        createdAt: now,
      });
      return { id: row.id, name, filter, createdAt: now };
    },

    delete: (actor: Actor, id: number): void => {
      if (!repo.delete(actor.staffId, id)) throw new AppError('not_found', 'No such saved search.');
    },
  };
};
