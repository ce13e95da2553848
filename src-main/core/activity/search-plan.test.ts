import { describe, expect, it } from 'vitest';
import { toFtsText } from './fts-query';
import { createActivitySearch } from './activity-search';
import { newCorrelationId } from '../shared/ids';
import { HOUR, testCore } from '../test-support/test-core';

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
});
