import { describe, expect, it } from 'vitest';
import { activityEntry } from '../../test-utils/fixtures';
import { liveStatus, mergeNewest } from './live-tail';
import type { ActivityPages } from './use-activity-search';

const pages = (...ids: number[][]): ActivityPages => ({
  pages: ids.map((list, i) => ({
    entries: list.map((id) => activityEntry(id)),
    nextCursor: i < ids.length - 1 ? (list.at(-1) ?? null) : null,
    total: { count: 100, capped: false },
    anchor: 1,
  })),
  pageParams: ids.map(() => ({ cursor: undefined, anchor: 1 })),
});

const fresh = (ids: number[], nextCursor: number | null, count = 100) => ({
  entries: ids.map((id) => activityEntry(id)),
  nextCursor,
  total: { count, capped: false },
});

const ids = (data: ActivityPages) => data.pages.map((p) => p.entries.map((e) => e.id));

describe('liveStatus (live tail pause)', () => {
  it('is off until turned on, live at the top, paused while scrolled away or inspecting', () => {
    expect(liveStatus({ enabled: false, scrolledAway: true, inspecting: true })).toBe('off');
    expect(liveStatus({ enabled: true, scrolledAway: false, inspecting: false })).toBe('live');
    expect(liveStatus({ enabled: true, scrolledAway: true, inspecting: false })).toBe('paused');
    expect(liveStatus({ enabled: true, scrolledAway: false, inspecting: true })).toBe('paused');
  });
});

describe('mergeNewest (live tail merge)', () => {
  it('puts only the entries newer than those shown on top of the first page', () => {
    const merged = mergeNewest(pages([10, 9, 8], [7, 6]), fresh([12, 11, 10, 9], 9, 102));
    expect(merged?.added).toBe(2);
    expect(merged && ids(merged.data)).toEqual([
      [12, 11, 10, 9, 8],
      [7, 6],
    ]);
    expect(merged?.data.pages[0]?.total.count).toBe(102);
    // The later pages and their cursors are untouched, so "Load more" carries on.
    expect(merged?.data.pages[1]?.nextCursor).toBeNull();
    expect(merged?.data.pageParams).toHaveLength(2);
  });

  it('changes nothing when nothing new matches', () => {
    const data = pages([10, 9]);
    const merged = mergeNewest(data, fresh([10, 9], null));
    expect(merged).toEqual({ data, added: 0 });
  });

  it('merges a complete small result even when all of it is new', () => {
    const merged = mergeNewest(pages([3, 2]), fresh([5, 4], null));
    expect(merged && ids(merged.data)).toEqual([[5, 4, 3, 2]]);
  });

  it('asks for a reload when more arrived than one page holds (a gap)', () => {
    expect(mergeNewest(pages([10, 9]), fresh([200, 199, 198], 198))).toBeNull();
  });

  it('asks for a reload when nothing was shown yet', () => {
    expect(mergeNewest(pages([]), fresh([1], null))).toBeNull();
  });
});
