import { ACTIVITY_CATEGORIES, ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '@contract/schemas/activity';
import type { ActivityFacets } from '@contract/schemas/activity';
import { formatNumber } from '../../lib/format';
import { OUTCOME_LABELS, TYPE_LABELS, categoryLabel } from './activity-labels';
import type { ActivityView } from './filter-params';

export type FacetDimension = 'type' | 'category' | 'outcome' | 'staff';

export type FacetItem = {
  dimension: FacetDimension;
  /** The value as the filter holds it (the staff id as a string for `staff`). */
  value: string;
  label: string;
  /** Null when the value is in the filter but the server did not count it. */
  count: number | null;
  active: boolean;
};

export const FACET_TITLES: Record<FacetDimension, string> = {
  type: 'Type',
  category: 'Category',
  outcome: 'Outcome',
  staff: 'Staff member',
};

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

const toggle = <T>(list: readonly T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/**
 * The view after clicking a facet value: set it when it is not in the filter, take it out when it
 * is. Types and categories are lists (a click adds or removes one value); outcome and staff member
 * hold one value (a click replaces it, or clears it when it is the one already set).
 */
export function toggleFacet(
  view: ActivityView,
  dimension: FacetDimension,
  value: string,
): ActivityView {
  switch (dimension) {
    case 'type':
      if (!isOneOf(ACTIVITY_TYPES, value)) return view;
      // Keep the canonical order, like the URL does.
      return {
        ...view,
        types: ACTIVITY_TYPES.filter((t) => toggle(view.types, value).includes(t)),
      };
    case 'category':
      if (!isOneOf(ACTIVITY_CATEGORIES, value)) return view;
      return {
        ...view,
        categories: ACTIVITY_CATEGORIES.filter((c) => toggle(view.categories, value).includes(c)),
      };
    case 'outcome':
      if (!isOneOf(ACTIVITY_OUTCOMES, value)) return view;
      return { ...view, outcome: view.outcome === value ? null : value };
    case 'staff': {
      const id = Number(value);
      if (!Number.isSafeInteger(id) || id <= 0) return view;
      return { ...view, actorId: view.actorId === id ? null : id };
    }
  }
}

/** The facet lists to show: the server's counts, plus any filtered value it did not count. */
export function facetItems(
  facets: ActivityFacets,
  view: ActivityView,
): Record<FacetDimension, FacetItem[]> {
  const build = (
    dimension: FacetDimension,
    counted: { value: string; count: number; label: string }[],
    selected: string[],
    labelOf: (value: string) => string,
  ): FacetItem[] => {
    const items: FacetItem[] = counted.map((c) => ({
      dimension,
      value: c.value,
      label: c.label,
      count: c.count,
      active: selected.includes(c.value),
    }));
    for (const value of selected) {
      if (!items.some((i) => i.value === value)) {
        items.push({ dimension, value, label: labelOf(value), count: null, active: true });
      }
    }
    return items;
  };

  const typeLabel = (v: string) => (isOneOf(ACTIVITY_TYPES, v) ? TYPE_LABELS[v] : v);
  const categoryName = (v: string) => (isOneOf(ACTIVITY_CATEGORIES, v) ? categoryLabel(v) : v);
  const outcomeLabel = (v: string) => (isOneOf(ACTIVITY_OUTCOMES, v) ? OUTCOME_LABELS[v] : v);
  const withLabel = (list: { value: string; count: number }[], labelOf: (v: string) => string) =>
    list.map((f) => ({ ...f, label: labelOf(f.value) }));

  return {
    type: build('type', withLabel(facets.types, typeLabel), view.types, typeLabel),
    category: build(
      'category',
      withLabel(facets.categories, categoryName),
      view.categories,
      categoryName,
    ),
    outcome: build(
      'outcome',
      withLabel(facets.outcomes, outcomeLabel),
      view.outcome ? [view.outcome] : [],
      outcomeLabel,
    ),
    staff: build(
      'staff',
      facets.actors.map((a) => ({ value: String(a.id), count: a.count, label: a.name })),
      view.actorId === null ? [] : [String(view.actorId)],
      (v) => `Staff #${v}`,
    ),
  };
}

/** "1,234", or "10,000+" when the server stopped counting (the count is a lower bound). */
export const formatFacetCount = (count: number | null, exact: boolean): string =>
  count === null ? '–' : `${formatNumber(count)}${exact ? '' : '+'}`;
