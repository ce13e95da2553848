import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityFilter } from '../../contract/schemas/activity';
import { seededSearchLog } from '../test-support/activity-fixtures';
import { HOUR, testCore } from '../test-support/test-core';
import { createActivitySearch } from './activity-search';
import { fillFilteredBuckets, type TypeBucket } from './filtered-histogram';
import type { SearchPlanner } from './search-plan';

const SEED = 14_000_014;

/** The buckets of [from, to] in `n` equal parts, as the stats service makes them. */
const bucketsOf = (from: number, to: number, n: number) => {
  const bucketMs = Math.ceil((to - from + 1) / n);
  const buckets = Array.from({ length: n }, (_, i): TypeBucket => ({
    start: from + i * bucketMs,
    system: 0,
    user: 0,
    administrative: 0,
  }));
  return { buckets, bucketMs };
};

/**
 * Each bucket's count per type as the matching rows read newest first (how the histogram counted
 * before it counted oldest first): every row of the bucket's id range, listed.
 */
const newestFirstCounts = (
  planner: SearchPlanner,
  f: ActivityFilter,
  window: { from: number; to: number },
  buckets: TypeBucket[],
  bucketMs: number,
) =>
  buckets.map((b) => {
    const ids = planner.idRange(
      Math.max(b.start, window.from),
      Math.min(b.start + bucketMs - 1, window.to),
    );
    const counts: TypeBucket = { start: b.start, system: 0, user: 0, administrative: 0 };
    for (const type of ACTIVITY_TYPES) {
      if (f.types && !f.types.includes(type)) continue;
      const p = { ...planner.plan({ ...f, types: [type], ...window }), ids };
      counts[type] = ids ? planner.rows(p, ids.to, 'l.id AS id', 1_000_000).length : 0;
    }
    return counts;
  });

describe('the text-filtered histogram', () => {
  it('counts per bucket and type what reading the matches newest first finds', () => {
    const tc = testCore();
    seededSearchLog(tc, 900, SEED);
    const planner = createActivitySearch(tc.core.sqlite).planner;
    const first = tc.core.sqlite
      .prepare<[], number>('SELECT ts FROM activity_log ORDER BY id LIMIT 1')
      .pluck()
      .get();
    const window = { from: first ?? 0, to: tc.clock.now() };
    const filters: ActivityFilter[] = [
      { text: 'drill' },
      { text: 'payment ' },
      { text: 'kisu' },
      { text: 'alpha', types: ['user', 'administrative'] },
      { text: 'nakuru', types: ['system'] },
      { text: 'exported alpha' },
      { ip: '10.0.0.0/24' },
      { ip: '192.168.1.5', text: 'drill' },
      { clientId: 2 },
      { clientId: 1, text: 'kisumu' },
      { text: 'nothing-matches-this' },
    ];
    let counted = 0;
    for (const f of filters) {
      for (const parts of [1, 7, 31]) {
        const { buckets, bucketMs } = bucketsOf(window.from, window.to, parts);
        const want = newestFirstCounts(planner, f, window, buckets, bucketMs);
        const label = `${JSON.stringify(f)}, ${String(parts)} buckets`;
        expect(
          fillFilteredBuckets(planner, f, window, buckets, bucketMs, () => false),
          label,
        ).toBe(true);
        expect(buckets, label).toEqual(want);
        counted += want.reduce(
          (n, b) => n + (b.system ?? 0) + (b.user ?? 0) + (b.administrative ?? 0),
          0,
        );
      }
    }
    expect(counted).toBeGreaterThan(1_000);
  });

  it('checks the budget before every bucket, newest first', () => {
    const tc = testCore();
    seededSearchLog(tc, 300, SEED);
    const planner = createActivitySearch(tc.core.sqlite).planner;
    const window = { from: 0, to: tc.clock.now() };
    const f: ActivityFilter = { text: 'drill', types: ['user'] };
    const { buckets, bucketMs } = bucketsOf(tc.clock.now() - 40 * 24 * HOUR, window.to, 20);
    let checks = 0;
    const exact = fillFilteredBuckets(planner, f, window, buckets, bucketMs, () => ++checks > 5);
    expect(exact).toBe(false);
    expect(buckets.slice(0, 15).every((b) => b.user === null)).toBe(true);
    const want = newestFirstCounts(planner, f, window, buckets, bucketMs);
    expect(buckets.slice(15)).toEqual(want.slice(15));
    expect(want.slice(15).some((b) => (b.user ?? 0) > 0)).toBe(true);
  });
});
