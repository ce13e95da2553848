import type { ActivityFilter } from '../../contract/schemas/activity';
import type { SearchPlanner } from './search-plan';

/** Ids per grouped query: the budget is checked between them. */
const CHUNK_IDS = 100_000;

type Combo = { type: string; category: string; outcome: string; actor: number | null; n: number };
export type FacetTallies = {
  type: Map<string, number>;
  category: Map<string, number>;
  outcome: Map<string, number>;
  actor: Map<number, number>;
};

/**
 * Facet counts for filters the rollups cannot answer (text, IP, client, …): the window's matches,
 * newest first in id chunks, grouped by type, category, outcome and staff member in SQL, within
 * a time budget (counting "words AND value" for every value would make FTS5 leapfrog through
 * two doclists for each value that never goes with the words). Each dimension ignores its own
 * filter, so that the other values stay clickable. `complete` is false when the budget stopped
 * the pass: the tallies then cover the newest matches only (lower bounds).
 */
export const tallyFilteredFacets = (
  planner: SearchPlanner,
  f: ActivityFilter,
  window: { from: number; to: number },
  /** Whether the time budget is spent (checked before each chunk). */
  over: () => boolean,
): { tallies: FacetTallies; complete: boolean } => {
  const tallies: FacetTallies = {
    type: new Map(),
    category: new Map(),
    outcome: new Map(),
    actor: new Map(),
  };
  const p = planner.plan({
    ...f,
    types: undefined,
    categories: undefined,
    outcomes: undefined,
    actorIds: undefined,
    ...window,
  });
  if (!p.ids) return { tallies, complete: true };
  const isIn = <V>(values: readonly V[] | undefined, v: V) => !values || values.includes(v);
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);

  for (let to = p.ids.to; to >= p.ids.from; to -= CHUNK_IDS) {
    if (over()) return { tallies, complete: false };
    const combos = planner.groupCounts<Combo>(
      p,
      'l.id AS id, l.type AS type, l.category AS category, l.outcome AS outcome, l.actor_id AS actor',
      'type, category, outcome, actor',
      { from: Math.max(p.ids.from, to - CHUNK_IDS + 1), to },
    );
    for (const c of combos) {
      const ok = {
        type: isIn<string>(f.types, c.type),
        category: isIn<string>(f.categories, c.category),
        outcome: isIn<string>(f.outcomes, c.outcome),
        actor: !f.actorIds || (c.actor !== null && f.actorIds.includes(c.actor)),
      };
      if (ok.category && ok.outcome && ok.actor) add(tallies.type, c.type, c.n);
      if (ok.type && ok.outcome && ok.actor) add(tallies.category, c.category, c.n);
      if (ok.type && ok.category && ok.actor) add(tallies.outcome, c.outcome, c.n);
      if (ok.type && ok.category && ok.outcome && c.actor !== null)
        add(tallies.actor, c.actor, c.n);
    }
  }
  return { tallies, complete: true };
};
