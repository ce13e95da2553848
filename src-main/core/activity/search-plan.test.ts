import { describe, expect, it } from 'vitest';
import { toFtsText } from './fts-query';
import { createActivitySearch } from './activity-search';
import { createSearchPlanner } from './search-plan';
import { newCorrelationId } from '../shared/ids';
import { seededSearchLog } from '../test-support/activity-fixtures';
import { HOUR, testCore } from '../test-support/test-core';
import type { ActivityFilter } from '../../contract/schemas/activity';

const DAY = 24 * HOUR;

describe('search planning', () => {
  it('expands a typed prefix into whole words, and keeps FTS5 prefixes when there are too many', () => {
    expect(toFtsText('kisu', () => ['kisumu'])).toBe('(("kisumu"))');
    expect(toFtsText('kisu', () => [])).toBe('("kisu")');
    expect(toFtsText('kisu', () => null)).toBe('("kisu"*)');
    expect(toFtsText('paid kisu ')).toBe('("paid" AND "kisu")');
    // Only a single word is expanded; a typed phrase keeps the phrase prefix.
    expect(toFtsText('acc-0004', () => ['never'])).toBe('("acc-0004"*)');
  });

  it('finds words by prefix through the index vocabulary at any expansion size', () => {
    const tc = testCore();
    const words = [
      'kisumu',
      'kisii',
      'kitale',
      ...Array.from({ length: 80 }, (_, i) => `zed${String(i)}`),
    ];
    for (const w of words) {
      tc.core.recorder.record({
        event: 'auth.login.failed',
        params: { username: w, reason: 'unknown_user' },
        ctx: {
          ip: '10.0.0.1',
          workstation: null,
          correlationId: newCorrelationId(tc.clock.now()),
          actor: null,
        },
      });
    }
    const search = createActivitySearch(tc.core.sqlite);
    expect(search.search({ text: 'kis' }).total.count).toBe(2);
    expect(search.search({ text: 'zed' }).total.count).toBe(80);
  });

  it('looks for a correlation id within a week of the action it names', () => {
    const tc = testCore();
    const correlationId = newCorrelationId(tc.clock.now());
    const record = () =>
      tc.core.recorder.record({
        event: 'auth.login.failed',
        params: { username: 'x', reason: 'unknown_user' },
        ctx: { ip: null, workstation: null, correlationId, actor: null },
      });
    record();
    tc.clock.advance(6 * DAY);
    record();
    tc.clock.advance(2 * DAY);
    record();
    const search = createActivitySearch(tc.core.sqlite);
    expect(search.search({ correlationId }).entries).toHaveLength(2);
    expect(() => search.search({ correlationId: 'c-1' })).toThrow(/not a correlation id/);
  });

  it('reads sparse matches in growing windows and finds the newest rows one pass finds', () => {
    const tc = testCore();
    seededSearchLog(tc, 700, 14_000_015);
    const onePass = createSearchPlanner(tc.core.sqlite, { nearIds: Infinity });
    const filters: ActivityFilter[] = [
      { text: 'drill' },
      { text: 'payment', types: ['administrative'] },
      { text: 'alpha exported' },
      { text: 'kisumu', ip: '10.0.0.0/24', types: ['user'] },
      { text: 'nakuru', categories: ['system'] },
      { text: 'nothing-matches-this' },
      { ip: '192.168.1.5', types: ['user'] },
    ];
    let found = 0;
    // Windows of 4 ids and more; at most 1, 2 or 1 000 ids read forward before reading back.
    for (const [nearIds, forwardCap] of [
      [4, 1],
      [4, 2],
      [16, 3],
      [50, 1_000],
    ] as const) {
      const windows = createSearchPlanner(tc.core.sqlite, { nearIds, forwardCap });
      for (const f of filters) {
        const p = windows.plan(f);
        const ids = p.ids;
        if (!ids) throw new Error('empty log');
        for (const to of [ids.to, Math.floor((ids.from + ids.to) / 2), ids.from + 3]) {
          for (const limit of [1, 5, 40, 1_000]) {
            const label = `${JSON.stringify(f)} to ${String(to)}, ${String(limit)}, windows ${String(nearIds)}/${String(forwardCap)}`;
            const want = onePass.rows(p, to, 'l.id AS id, l.type AS type', limit);
            expect(windows.rows(p, to, 'l.id AS id, l.type AS type', limit), label).toEqual(want);
            found += want.length;
          }
        }
      }
    }
    expect(found).toBeGreaterThan(1_000);
  });
});
