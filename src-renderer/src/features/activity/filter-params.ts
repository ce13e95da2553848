import type { In } from '../../../../src-main/contract/api';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
} from '../../../../src-main/contract/schemas/activity';
import type {
  ActivityCategory,
  ActivityOutcome,
  ActivityType,
} from '../../../../src-main/contract/schemas/activity';

export type ApiActivityFilter = In<'activity.search'>['filter'];

export const QUICK_RANGES = {
  '24h': { label: 'Last 24 hours', ms: 24 * 60 * 60 * 1000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60 * 1000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 60 * 60 * 1000 },
} as const;
export type QuickRange = keyof typeof QUICK_RANGES;

/**
 * What the activity log is showing, as kept in the URL (`#/activity?q=…&type=user,system`), so that
 * a filter can be bookmarked. Quick ranges stay relative ("last 7 days" means the 7 days before
 * the search runs); picked dates are whole local days.
 */
export type ActivityView = {
  text: string;
  range: QuickRange | null;
  /** `YYYY-MM-DD`, local day, inclusive. */
  from: string | null;
  /** `YYYY-MM-DD`, local day, inclusive. */
  to: string | null;
  types: ActivityType[];
  categories: ActivityCategory[];
  outcome: ActivityOutcome | null;
  ip: string;
  actorId: number | null;
  correlationId: string;
};

export const EMPTY_VIEW: ActivityView = {
  text: '',
  range: null,
  from: null,
  to: null,
  types: [],
  categories: [],
  outcome: null,
  ip: '',
  actorId: null,
  correlationId: '',
};

/** URL parameter names. Anything else in the query (e.g. `entry`) is left alone. */
const P = {
  text: 'q',
  range: 'range',
  from: 'from',
  to: 'to',
  types: 'type',
  categories: 'category',
  outcome: 'outcome',
  ip: 'ip',
  actorId: 'staff',
  correlationId: 'correlation',
} as const satisfies Record<keyof ActivityView, string>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

const listOf = <T extends string>(list: readonly T[], value: string | null): T[] => {
  if (!value) return [];
  const picked = value.split(',').filter((v): v is T => (list as readonly string[]).includes(v));
  return list.filter((v) => picked.includes(v)); // canonical order, no duplicates
};

const day = (value: string | null): string | null =>
  value !== null && DAY.test(value) && !Number.isNaN(localDayStart(value)) ? value : null;

/** Reads the view from URL parameters, dropping whatever is not valid. */
export function viewFromParams(params: URLSearchParams): ActivityView {
  const actor = Number(params.get(P.actorId));
  const range = oneOf(Object.keys(QUICK_RANGES) as QuickRange[], params.get(P.range));
  return {
    text: params.get(P.text) ?? '',
    range,
    from: range ? null : day(params.get(P.from)),
    to: range ? null : day(params.get(P.to)),
    types: listOf(ACTIVITY_TYPES, params.get(P.types)),
    categories: listOf(ACTIVITY_CATEGORIES, params.get(P.categories)),
    outcome: oneOf(ACTIVITY_OUTCOMES, params.get(P.outcome)),
    ip: params.get(P.ip) ?? '',
    actorId: Number.isSafeInteger(actor) && actor > 0 ? actor : null,
    correlationId: params.get(P.correlationId) ?? '',
  };
}

/** Writes the view into URL parameters, keeping unrelated ones from `base`. Empty values are left out. */
export function viewToParams(view: ActivityView, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(P)) params.delete(name);
  const set = (name: string, value: string | null) => {
    if (value !== null && value !== '') params.set(name, value);
  };
  set(P.text, view.text);
  set(P.range, view.range);
  if (!view.range) {
    set(P.from, view.from);
    set(P.to, view.to);
  }
  set(P.types, view.types.join(','));
  set(P.categories, view.categories.join(','));
  set(P.outcome, view.outcome);
  set(P.ip, view.ip);
  set(P.actorId, view.actorId === null ? null : String(view.actorId));
  set(P.correlationId, view.correlationId);
  return params;
}

/** Epoch ms of the start of a local day given as `YYYY-MM-DD`. */
export function localDayStart(dayString: string): number {
  const [y, m, d] = dayString.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return Number.NaN;
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) {
    return Number.NaN;
  }
  return date.getTime();
}

/** Epoch ms of the last millisecond of a local day given as `YYYY-MM-DD`. */
export function localDayEnd(dayString: string): number {
  const [y, m, d] = dayString.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return Number.NaN;
  return new Date(y, m - 1, d + 1).getTime() - 1;
}

/** The filter the server understands; `now` anchors quick ranges. */
export function toApiFilter(view: ActivityView, now: number): ApiActivityFilter {
  const filter: ApiActivityFilter = {};
  const text = view.text.trim();
  if (text) filter.text = text;
  if (view.range) {
    filter.from = Math.max(0, now - QUICK_RANGES[view.range].ms);
  } else {
    if (view.from) filter.from = localDayStart(view.from);
    if (view.to) filter.to = localDayEnd(view.to);
  }
  if (view.types.length) filter.types = view.types;
  if (view.categories.length) filter.categories = view.categories;
  if (view.outcome) filter.outcomes = [view.outcome];
  const ip = view.ip.trim();
  if (ip) filter.ip = ip;
  if (view.actorId !== null) filter.actorIds = [view.actorId];
  const correlationId = view.correlationId.trim();
  if (correlationId) filter.correlationId = correlationId;
  return filter;
}

export const isFiltered = (view: ActivityView): boolean => viewToParams(view).toString() !== '';
