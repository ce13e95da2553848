import type Database from 'better-sqlite3';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  type ActivityFacets,
  type ActivityFilter,
  type ActivityHistogram,
} from '../../contract/schemas/activity';
import { createRollupCounts, DAY_MS, HOUR_MS, PERIOD_MS, rollupAnswers } from './rollup-counts';
import type { SearchPlanner } from './search-plan';

const TARGET_BUCKETS = 60;
/** Per-count cap and overall time budget for text searches, which the rollups cannot answer. */
const TEXT_COUNT_CAP = 2_000;
const TEXT_BUDGET_MS = 40;
const TOP_ACTORS = 12;

type TypeCounts = { system: number | null; user: number | null; administrative: number | null };

/** Histogram and facet counts for the activity log's filter bar, bounded at any log size. */
export const createActivityStats = (deps: {
  sqlite: Database.Database;
  planner: SearchPlanner;
  now: () => number;
}) => {
  const { sqlite, planner } = deps;
  const rollups = createRollupCounts(sqlite, (from, to) => planner.idRange(from, to));
  const oldest = sqlite.prepare<[], { ts: number }>(
    'SELECT ts FROM activity_log ORDER BY id LIMIT 1',
  );
  const staffNames = sqlite.prepare<[], { id: number; display_name: string }>(
    'SELECT id, display_name FROM staff',
  );

  const window = (f: ActivityFilter) => {
    const to = f.to ?? deps.now();
    const from = f.from ?? oldest.get()?.ts ?? to - DAY_MS;
    return { from: Math.min(from, to), to };
  };

  /** A capped count of the filter's matches in [from, to] (text searches). */
  const cappedCount = (
    f: ActivityFilter,
    from: number,
    to: number,
  ): { n: number; capped: boolean } => {
    const p = planner.plan({ ...f, from, to });
    if (!p.ids) return { n: 0, capped: false };
    const { n } = sqlite
      .prepare(planner.countSql(p))
      .get(...planner.bind(p, p.ids.from, p.ids.to, TEXT_COUNT_CAP + 1)) as { n: number };
    return { n: Math.min(n, TEXT_COUNT_CAP), capped: n > TEXT_COUNT_CAP };
  };

  const histogram = (f: ActivityFilter): ActivityHistogram => {
    const { from, to } = window(f);
    const span = to - from + 1;
    const unit = span <= 14 * DAY_MS ? HOUR_MS : span <= 400 * DAY_MS ? DAY_MS : PERIOD_MS;
    const bucketMs = Math.max(1, Math.ceil(span / TARGET_BUCKETS / unit)) * unit;
    const start = Math.floor(from / unit) * unit;
    const count = Math.ceil((to + 1 - start) / bucketMs);
    const buckets = Array.from({ length: count }, (_, i): TypeCounts & { start: number } => ({
      start: start + i * bucketMs,
      system: 0,
      user: 0,
      administrative: 0,
    }));

    if (rollupAnswers(f)) {
      const u = unit === HOUR_MS ? 'hour' : unit === DAY_MS ? 'day' : 'period';
      for (const r of rollups.buckets(f, start / unit, Math.floor(to / unit), u)) {
        const b = buckets[Math.floor((r.bucket * unit - start) / bucketMs)];
        const type = r.type as keyof TypeCounts;
        if (b && b[type] !== null) b[type] = (b[type] ?? 0) + r.n;
      }
      return { from, to, bucketMs, buckets, exact: true };
    }

    // Text and other index-only filters: count each bucket and type, newest first, in budget.
    const began = performance.now();
    let exact = true;
    for (const b of [...buckets].reverse()) {
      for (const type of ACTIVITY_TYPES) {
        if (performance.now() - began > TEXT_BUDGET_MS) {
          b[type] = null;
          exact = false;
          continue;
        }
        const c = cappedCount(
          { ...f, types: [type] },
          Math.max(b.start, from),
          Math.min(b.start + bucketMs - 1, to),
        );
        b[type] = c.n;
        if (c.capped) exact = false;
      }
    }
    return { from, to, bucketMs, buckets, exact };
  };

  const facets = (f: ActivityFilter): ActivityFacets => {
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

    const began = performance.now();
    let exact = true;
    const counts = <V extends string | number>(
      values: readonly V[],
      filterFor: (v: V) => ActivityFilter,
    ) =>
      values.flatMap((value) => {
        if (performance.now() - began > TEXT_BUDGET_MS) {
          exact = false;
          return [];
        }
        const c = cappedCount(filterFor(value), from, to);
        if (c.capped) exact = false;
        return c.n > 0 ? [{ value, count: c.n }] : [];
      });
    // The staff members worth counting: the busiest in the window (from the rollups).
    const busiest = [...rollups.countBy('actor_id', {}, from, to)]
      .filter(([id]) => id !== 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_ACTORS)
      .map(([id]) => Number(id));
    const str = (l: { value: string | number; count: number }[]) =>
      l.map((x) => ({ value: String(x.value), count: x.count })).sort(byCount);
    const result = {
      types: str(counts(ACTIVITY_TYPES, (type) => ({ ...f, types: [type] }))),
      categories: str(
        counts(ACTIVITY_CATEGORIES, (category) => ({ ...f, categories: [category] })),
      ),
      outcomes: str(counts(ACTIVITY_OUTCOMES, (outcome) => ({ ...f, outcomes: [outcome] }))),
      actors: counts(busiest, (id) => ({ ...f, actorIds: [id] }))
        .map((x) => ({
          id: x.value,
          name: names.get(x.value) ?? `#${String(x.value)}`,
          count: x.count,
        }))
        .sort(byCount),
    };
    return { ...result, exact };
  };

  return { histogram, facets };
};

export type ActivityStats = ReturnType<typeof createActivityStats>;
