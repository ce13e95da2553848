import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, type ActivityFilter } from '../../contract/schemas/activity';
import {
  READER_FROM_SOURCE,
  signInAdmin,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { createLogSource } from './activity-source';
import type { TextBudget } from './activity-stats';

const DAY = 86_400_000;
const DAYS = 30;

/** A month of entries of every type whose text holds "drill", a few a day. */
const drillMonth = (tc: TestCore) => {
  const ctx = { ...tc.core.systemMeta(), actor: null };
  for (let day = 0; day < DAYS; day++) {
    tc.clock.advance(DAY);
    tc.core.recorder.record({
      event: 'system.started',
      params: { version: `v${String(day)}`, mode: 'drill' },
      ctx,
    });
    if (day % 2 === 0) {
      tc.core.recorder.record({
        event: 'activity.exported',
        params: { by: 'drill', format: 'csv', rows: day },
        ctx,
      });
    }
    if (day % 3 === 0) {
      tc.core.recorder.record({
        event: 'activity.archived',
        params: { by: 'drill', entries: day, file: 'drill.db' },
        ctx,
      });
    }
  }
};

/** A clock that moves `step` ms every time it is read: each budget check is one step. */
const stepping = (step: number) => {
  let t = 0;
  return () => (t += step);
};

const statsOf = (tc: TestCore, textBudget: TextBudget) =>
  createLogSource(tc.core.sqlite, () => tc.clock.now(), textBudget).stats;

describe('the time budget of text-filtered histograms and facets', () => {
  it('counts the newest buckets first, and leaves the rest unknown when the budget runs out', () => {
    const tc = testCore();
    drillMonth(tc);
    const filter: ActivityFilter = { text: 'drill', types: ['system'] };
    const full = statsOf(tc, { ms: Infinity, elapsed: stepping(1) }).histogram(filter);
    expect(full.exact).toBe(true);
    expect(full.buckets.reduce((n, b) => n + (b.system ?? 0), 0)).toBe(DAYS);

    // Three checks pass (1, 2, 3 steps after the start), the fourth stops the count.
    const cut = statsOf(tc, { ms: 3, elapsed: stepping(1) }).histogram(filter);
    expect(cut.exact).toBe(false);
    expect(cut.buckets.map((b) => b.start)).toEqual(full.buckets.map((b) => b.start));
    const firstCounted = cut.buckets.length - 3;
    expect(firstCounted).toBeGreaterThan(10);
    expect(cut.buckets.slice(firstCounted)).toEqual(full.buckets.slice(firstCounted));
    for (const b of cut.buckets.slice(0, firstCounted)) {
      expect(b).toEqual({ start: b.start, system: null, user: 0, administrative: 0 });
    }
  });

  it('never answers a wrong count when split by type, only a missing one', () => {
    const tc = testCore();
    drillMonth(tc);
    const filter: ActivityFilter = { text: 'drill' };
    const full = statsOf(tc, { ms: Infinity, elapsed: stepping(1) }).histogram(filter);
    expect(full.exact).toBe(true);
    const partials = [0, 3, 20, 40, 60, 80].map((ms) =>
      statsOf(tc, { ms, elapsed: stepping(1) }).histogram(filter),
    );
    let known = 0;
    for (const h of partials) {
      expect(h.exact).toBe(false);
      h.buckets.forEach((b, i) => {
        for (const type of ACTIVITY_TYPES) {
          if (b[type] === null) continue;
          expect(b[type]).toBe(full.buckets[i]?.[type]);
          known++;
        }
      });
    }
    // The budgets in between left some counts known and some not.
    expect(known).toBeGreaterThan(0);
    expect(partials.at(-1)?.buckets.some((b) => b.user === null)).toBe(true);
  });

  it('marks facets partial when the budget is spent before the count ends', () => {
    const tc = testCore();
    drillMonth(tc);
    const filter: ActivityFilter = { text: 'drill' };
    // One check, 100 ms after the start: within 150 ms, the count (one chunk) goes through.
    const within = statsOf(tc, { ms: 150, elapsed: stepping(100) }).facets(filter);
    expect(within.exact).toBe(true);
    expect(within.types).toEqual([
      { value: 'system', count: DAYS },
      { value: 'user', count: DAYS / 2 },
      { value: 'administrative', count: DAYS / 3 },
    ]);
    // 200 ms at the first check: nothing counted, and said so.
    const spent = statsOf(tc, { ms: 150, elapsed: stepping(200) }).facets(filter);
    expect(spent).toEqual({ types: [], categories: [], outcomes: [], actors: [], exact: false });
  });

  it.each([
    ['on the main thread', false],
    ['on reader threads', true],
  ])('takes the budget from the core config %s', async (_, threaded) => {
    // A budget below zero is spent before the first count, however fast the machine.
    const tc = testCore({
      activityTextBudgetMs: -1,
      ...(threaded ? { activityReader: READER_FROM_SOURCE } : {}),
    });
    drillMonth(tc);
    const admin = await signInAdmin(tc);
    const filter = { text: 'drill' };
    expect(unwrap(await admin.call('activity.histogram', { filter })).exact).toBe(false);
    expect(unwrap(await admin.call('activity.facets', { filter })).exact).toBe(false);
    // Filters the rollups answer have no budget.
    expect(unwrap(await admin.call('activity.facets', { filter: {} })).exact).toBe(true);
  });
});
