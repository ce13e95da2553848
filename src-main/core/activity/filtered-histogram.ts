import {
  ACTIVITY_TYPES,
  type ActivityFilter,
  type ActivityType,
} from '../../contract/schemas/activity';
import type { SearchPlanner } from './search-plan';

export type TypeBucket = { start: number } & Record<ActivityType, number | null>;

const SAMPLE = 256;

/**
 * Histogram counts for filters the rollups cannot answer (text, IP, client, …), newest bucket
 * first within a time budget. Each bucket's total is one counted id range; the split by type then
 * counts one type at a time, the most frequent first (from a sample of the newest matches), stops
 * as soon as the totals are accounted for, and leaves the last type to subtraction: FTS5 answers
 * "words AND a type they never go with" by leapfrogging through both doclists, the slowest thing
 * it does. Buckets the budget did not reach stay null; returns whether every count is exact.
 */
export const fillFilteredBuckets = (
  planner: SearchPlanner,
  f: ActivityFilter,
  window: { from: number; to: number },
  buckets: TypeBucket[],
  bucketMs: number,
  /** Whether the time budget is spent (checked before each count). */
  over: () => boolean,
): boolean => {
  const types = ACTIVITY_TYPES.filter((t) => !f.types || f.types.includes(t));
  for (const b of buckets) for (const t of ACTIVITY_TYPES) b[t] = types.includes(t) ? null : 0;
  const ids = buckets.map((b) =>
    planner.idRange(Math.max(b.start, window.from), Math.min(b.start + bucketMs - 1, window.to)),
  );
  const plan = (only?: ActivityType) =>
    planner.plan({ ...f, ...(only ? { types: [only] } : {}), ...window });

  /** Counts per bucket, newest first, until the budget runs out (null: not counted). */
  const perBucket = (only?: ActivityType): (number | null)[] => {
    const p = plan(only);
    const out: (number | null)[] = buckets.map(() => null);
    for (let i = buckets.length - 1; i >= 0; i--) {
      if (over()) break;
      out[i] = planner.count(p, undefined, ids[i] ?? null).n;
    }
    return out;
  };

  const remaining = perBucket();
  if (types.length === 1 && types[0]) {
    const only = types[0];
    buckets.forEach((b, i) => (b[only] = remaining[i] ?? null));
    return remaining.every((n) => n !== null);
  }

  // The most frequent types first; the last one is what the others leave.
  const sampled = new Map<string, number>();
  const all = plan();
  const newest = planner.rows<{ type: string }>(all, all.ids?.to ?? 0, 'l.type AS type', SAMPLE);
  for (const row of newest) sampled.set(row.type, (sampled.get(row.type) ?? 0) + 1);
  const order = [...types].sort((a, b) => (sampled.get(b) ?? 0) - (sampled.get(a) ?? 0));
  const left = new Set(order);
  for (const type of order.slice(0, -1)) {
    if (remaining.every((r) => r === null || r === 0)) break;
    const counts = perBucket(type);
    buckets.forEach((b, i) => {
      const n = counts[i];
      const r = remaining[i];
      if (n === null || n === undefined || r === null || r === undefined) {
        remaining[i] = null; // this bucket's split stays unknown
        return;
      }
      b[type] = n;
      remaining[i] = r - n;
    });
    left.delete(type);
  }
  // What is left: all of it to a single uncounted type, nothing to the others once it is zero.
  buckets.forEach((b, i) => {
    const r = remaining[i];
    if (r === 0) for (const t of left) b[t] = 0;
    else if (r !== null && r !== undefined && left.size === 1) for (const t of left) b[t] = r;
  });
  return buckets.every((b) => types.every((t) => b[t] !== null));
};
