import { describe, expect, it } from 'vitest';
import type { ActivityFacets } from '@contract/schemas/activity';
import { facetItems, formatFacetCount, toggleFacet } from './facets';
import { EMPTY_VIEW } from './filter-params';

describe('toggleFacet (facet click → filter)', () => {
  it('adds and removes list values, keeping the canonical order', () => {
    const one = toggleFacet(EMPTY_VIEW, 'type', 'user');
    expect(one.types).toEqual(['user']);
    const two = toggleFacet(one, 'type', 'system');
    expect(two.types).toEqual(['system', 'user']);
    expect(toggleFacet(two, 'type', 'user').types).toEqual(['system']);
    expect(toggleFacet(EMPTY_VIEW, 'category', 'auto_sync').categories).toEqual(['auto_sync']);
  });

  it('sets, replaces and clears single values', () => {
    const failure = toggleFacet(EMPTY_VIEW, 'outcome', 'failure');
    expect(failure.outcome).toBe('failure');
    expect(toggleFacet(failure, 'outcome', 'success').outcome).toBe('success');
    expect(toggleFacet(failure, 'outcome', 'failure').outcome).toBeNull();
    const staff = toggleFacet(EMPTY_VIEW, 'staff', '7');
    expect(staff.actorId).toBe(7);
    expect(toggleFacet(staff, 'staff', '7').actorId).toBeNull();
  });

  it('ignores values that are not filters', () => {
    expect(toggleFacet(EMPTY_VIEW, 'type', 'bogus')).toBe(EMPTY_VIEW);
    expect(toggleFacet(EMPTY_VIEW, 'staff', '-1')).toBe(EMPTY_VIEW);
  });
});

describe('facetItems', () => {
  const facets: ActivityFacets = {
    types: [{ value: 'user', count: 12 }],
    categories: [{ value: 'auto_sync', count: 3 }],
    outcomes: [],
    actors: [{ id: 2, name: 'Carla Cashier', count: 5 }],
    exact: true,
  };

  it('labels the counted values and marks the ones in the filter', () => {
    const items = facetItems(facets, { ...EMPTY_VIEW, types: ['user'] });
    expect(items.type).toEqual([
      { dimension: 'type', value: 'user', label: 'User', count: 12, active: true },
    ]);
    expect(items.category[0]?.label).toBe('Auto-sync');
    expect(items.staff[0]).toMatchObject({ value: '2', label: 'Carla Cashier', active: false });
  });

  it('keeps a filtered value the server did not count, so that it can be clicked off', () => {
    const items = facetItems(facets, { ...EMPTY_VIEW, outcome: 'failure', actorId: 9 });
    expect(items.outcome).toEqual([
      { dimension: 'outcome', value: 'failure', label: 'Failure', count: null, active: true },
    ]);
    expect(items.staff.at(-1)).toMatchObject({ value: '9', count: null, active: true });
  });
});

describe('formatFacetCount', () => {
  it('shows a lower bound when the counts stopped early', () => {
    expect(formatFacetCount(10_000, false)).toBe('10,000+');
    expect(formatFacetCount(1234, true)).toBe('1,234');
    expect(formatFacetCount(null, true)).toBe('–');
  });
});
