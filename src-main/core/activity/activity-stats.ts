import type Database from 'better-sqlite3';
import {
  ACTIVITY_TYPES,
  type ActivityFacets,
  type ActivityFilter,
  type ActivityHistogram,
  type ActivityType,
} from '../../contract/schemas/activity';
import { createRollupCounts, DAY_MS, HOUR_MS, PERIOD_MS, rollupAnswers } from './rollup-counts';
import type { SearchPlanner } from './search-plan';
import { fillFilteredBuckets, type TypeBucket } from './filtered-histogram';
import { tallyFilteredFacets } from './filtered-facets';

const TARGET_BUCKETS = 60;
/**
 * Time budget for text searches, which the rollups cannot answer (in the app these run on the
 * reader threads, off the main event loop).
 */
const TEXT_BUDGET_MS = 150;

/**
 * How long one text-filtered histogram or facet count may take before it answers with partial
 * counts (`exact: false`). Tests lift it, so that counts never depend on the machine's load, or
 * drive it with a clock of their own.
 */
export type TextBudget = {
  /** Milliseconds per count; `Infinity`: no limit. 150 by default. */
  ms?: number;
  /** Monotonic milliseconds (tests may step it). `performance.now` by default. */
  elapsed?: () => number;
};

/** Histogram and facet counts for the activity log's filter bar, bounded at any log size. */
export const createActivityStats = (deps: {
  sqlite: Database.Database;
  planner: SearchPlanner;
  now: () => number;
  textBudget?: TextBudget;
}) => {
  const { sqlite, planner } = deps;
  const budgetMs = deps.textBudget?.ms ?? TEXT_BUDGET_MS;
  const elapsed = deps.textBudget?.elapsed ?? (() => performance.now());
  /** Starts one count's budget: the returned check says whether it is spent. */
  const startBudget = () => {
    const began = elapsed();
    return () => elapsed() - began > budgetMs;
  };
  const rollups = createRollupCounts(sqlite, (from, to) => planner.idRange(from, to));
  const oldest = sqlite.prepare<[], { ts: number }>(
    'SELECT ts FROM activity_log ORDER BY id LIMIT 1',
  );
  const newest = sqlite.prepare<[], { ts: number }>(
    'SELECT ts FROM activity_log ORDER BY id DESC LIMIT 1',
  );
  const staffNames = sqlite.prepare<[], { id: number; display_name: string }>(
    'SELECT id, display_name FROM staff',
  );

  const window = (f: ActivityFilter) => {
    // Up to now, or to the newest entry if the clock was set back after it was written.
    const to = f.to ?? Math.max(deps.now(), newest.get()?.ts ?? 0);
    const from = f.from ?? oldest.get()?.ts ?? to - DAY_MS;
    return { from: Math.min(from, to), to };
  };

  const histogram = (f: ActivityFilter): ActivityHistogram => {
    const { from, to } = window(f);
    const span = to - from + 1;
    const unit = span <= 14 * DAY_MS ? HOUR_MS : span <= 400 * DAY_MS ? DAY_MS : PERIOD_MS;
    const bucketMs = Math.max(1, Math.ceil(span / TARGET_BUCKETS / unit)) * unit;
    const start = Math.floor(from / unit) * unit;
    const count = Math.ceil((to + 1 - start) / bucketMs);
    const buckets = Array.from({ length: count }, (_, i): TypeBucket => ({
      start: start + i * bucketMs,
      system: 0,
      user: 0,
      administrative: 0,
    }));

    if (rollupAnswers(f)) {
      const u = unit === HOUR_MS ? 'hour' : unit === DAY_MS ? 'day' : 'period';
      for (const r of rollups.buckets(f, start / unit, Math.floor(to / unit), u)) {
        const b = buckets[Math.floor((r.bucket * unit - start) / bucketMs)];
        const type = r.type as ActivityType;
        if (b && b[type] !== null) b[type] = (b[type] ?? 0) + r.n;
      }
      // The edge buckets reach past the window in whole rollup units: count them exactly.
      for (const b of new Set([buckets[0], buckets[buckets.length - 1]])) {
        if (!b || (b.start >= from && b.start + bucketMs - 1 <= to)) continue;
        const exact = rollups.countBy(
          'type',
          f,
          Math.max(b.start, from),
          Math.min(b.start + bucketMs - 1, to),
        );
        for (const type of ACTIVITY_TYPES) b[type] = exact.get(type) ?? 0;
      }
      return { from, to, bucketMs, buckets, exact: true };
    }

    // Text and other index-only filters: passes over the matches, within the time budget.
    const exact = fillFilteredBuckets(planner, f, { from, to }, buckets, bucketMs, startBudget());
    return { from, to, bucketMs, buckets, exact };
  };

  const facets = (f: ActivityFilter): ActivityFacets => {
    if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
      return { types: [], categories: [], outcomes: [], actors: [], exact: true };
    }
    const { from, to } = window(f);
    const names = new Map(staffNames.all().map((s) => [s.id, s.display_name]));
    const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

    if (rollupAnswers(f)) {
      // Each dimension ignores its own filter, so that the other values stay clickable.
      const dim = (d: 'type' | 'category' | 'outcome' | 'actor_id', own: Partial<ActivityFilter>) =>
        rollups.countBy(d, { ...f, ...own }, from, to);
      const list = (m: Map<string | number, number>) =>
        [...m].map(([value, count]) => ({ value: String(value), count })).sort(byCount);
      return {
        types: list(dim('type', { types: undefined })),
        categories: list(dim('category', { categories: undefined })),
        outcomes: list(dim('outcome', { outcomes: undefined })),
        actors: [...dim('actor_id', { actorIds: undefined })]
          .filter(([id]) => id !== 0)
          .map(([id, count]) => ({
            id: Number(id),
            name: names.get(Number(id)) ?? `#${String(id)}`,
            count,
          }))
          .sort(byCount),
        exact: true,
      };
    }

    const { tallies, complete } = tallyFilteredFacets(planner, f, { from, to }, startBudget());
    const list = (m: Map<string, number>) =>
      [...m].map(([value, count]) => ({ value, count })).sort(byCount);
    return {
      types: list(tallies.type),
      categories: list(tallies.category),
      outcomes: list(tallies.outcome),
      actors: [...tallies.actor]
        .map(([id, count]) => ({ id, name: names.get(id) ?? `#${String(id)}`, count }))
        .sort(byCount),
      exact: complete,
    };
  };

  return { histogram, facets };
};

export type ActivityStats = ReturnType<typeof createActivityStats>;
