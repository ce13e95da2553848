import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_VIEW } from './filter-params';
import type { ActivityView } from './filter-params';
import {
  MAX_RECENT,
  addRecent,
  describeView,
  parseRecent,
  recentStorageKey,
  recentView,
} from './recent-searches';
import { RECENT_DWELL_MS, useRecentSearches, useRememberView } from './use-recent-searches';

const text = (t: string): ActivityView => ({ ...EMPTY_VIEW, text: t });

describe('addRecent', () => {
  it('puts the newest first, keeps each filter once and skips the empty filter', () => {
    let list: string[] = [];
    list = addRecent(list, text('reboot'));
    list = addRecent(list, { ...EMPTY_VIEW, ip: '10.0.' });
    list = addRecent(list, text('reboot'));
    list = addRecent(list, EMPTY_VIEW);
    expect(list).toEqual(['q=reboot', 'ip=10.0.']);
  });

  it(`keeps only the last ${String(MAX_RECENT)}`, () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, text(`term${String(i)}`));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('q=term14');
    expect(list.at(-1)).toBe('q=term5');
  });

  it('keeps quick ranges relative', () => {
    const [key = ''] = addRecent([], { ...EMPTY_VIEW, range: '7d', outcome: 'failure' });
    expect(recentView(key)).toEqual({ ...EMPTY_VIEW, range: '7d', outcome: 'failure' });
  });
});

describe('parseRecent', () => {
  it('ignores whatever is not a list of strings', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('{not json')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent('["q=a",3,null,"ip=1"]')).toEqual(['q=a', 'ip=1']);
  });
});

describe('describeView', () => {
  it('summarises a filter in one line', () => {
    expect(
      describeView(
        { ...EMPTY_VIEW, text: 'reboot', types: ['user'], outcome: 'failure', range: '24h' },
        () => undefined,
      ),
    ).toBe('"reboot" · User · Failure · Last 24 hours');
    expect(
      describeView({ ...EMPTY_VIEW, actorId: 2 }, (id) => (id === 2 ? 'Carla' : undefined)),
    ).toBe('Staff Carla');
    expect(describeView(EMPTY_VIEW)).toBe('Everything');
  });
});

describe('recent searches per staff member', () => {
  beforeEach(() => {
    window.localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    window.localStorage.clear();
  });

  it('remembers a filter once it stayed on screen, not every step of typing', () => {
    const { result, rerender } = renderHook(
      ({ view, staffId }: { view: ActivityView; staffId: number }) => {
        const recent = useRecentSearches(staffId);
        useRememberView(view, recent.remember);
        return recent.recent;
      },
      { initialProps: { view: text('rou'), staffId: 1 } },
    );
    act(() => {
      vi.advanceTimersByTime(RECENT_DWELL_MS - 1);
    });
    rerender({ view: text('router'), staffId: 1 });
    act(() => {
      vi.advanceTimersByTime(RECENT_DWELL_MS);
    });
    expect(result.current).toEqual(['q=router']);
    expect(parseRecent(window.localStorage.getItem(recentStorageKey(1)))).toEqual(['q=router']);

    // Another staff member on the same workstation has a list of their own.
    rerender({ view: text('router'), staffId: 2 });
    expect(result.current).toEqual([]);
    rerender({ view: text('switch'), staffId: 2 });
    act(() => {
      vi.advanceTimersByTime(RECENT_DWELL_MS);
    });
    expect(result.current).toEqual(['q=switch']);
    expect(parseRecent(window.localStorage.getItem(recentStorageKey(2)))).toEqual(['q=switch']);
    expect(parseRecent(window.localStorage.getItem(recentStorageKey(1)))).toEqual(['q=router']);
  });
});
