import type { In } from '@contract/api';
import { ACTIVITY_CATEGORIES, ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '@contract/schemas/activity';
import type { ActivityCategory, ActivityOutcome, ActivityType } from '@contract/schemas/activity';
import { officeClock, type OfficeClock } from '../../lib/office-time';

/** Whether a bound names a real day or minute does not depend on the zone. */
const CALENDAR = officeClock('UTC');

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
 * the search runs); picked dates are whole office days (settings `timeZone`); a range zoomed on the histogram is kept to
 * the minute (`YYYY-MM-DDTHH:mm`, office time, inclusive of that whole minute).
 */
export type ActivityView = {
  text: string;
  range: QuickRange | null;
  /** `YYYY-MM-DD` (office day) or `YYYY-MM-DDTHH:mm` (office minute), inclusive. */
  from: string | null;
  /** `YYYY-MM-DD` (office day) or `YYYY-MM-DDTHH:mm` (office minute), inclusive. */
  to: string | null;
  types: ActivityType[];
  categories: ActivityCategory[];
  outcome: ActivityOutcome | null;
  ip: string;
  actorId: number | null;
  clientId: number | null;
  routerId: number | null;
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
  clientId: null,
  routerId: null,
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
  clientId: 'client',
  routerId: 'router',
  correlationId: 'correlation',
} as const satisfies Record<keyof ActivityView, string>;

/** The archive under review (`archive=activity-1-500.db`); absent means the live log. */
export const ARCHIVE_PARAM = 'archive';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MINUTE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null;

const listOf = <T extends string>(list: readonly T[], value: string | null): T[] => {
  if (!value) return [];
  const picked = value.split(',').filter((v): v is T => (list as readonly string[]).includes(v));
  return list.filter((v) => picked.includes(v)); // canonical order, no duplicates
};

/** A valid day or minute bound, or null. */
const bound = (value: string | null): string | null =>
  value !== null && !Number.isNaN(boundStart(value, CALENDAR)) ? value : null;

const positiveId = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** Reads the view from URL parameters, dropping whatever is not valid. */
export function viewFromParams(params: URLSearchParams): ActivityView {
  const range = oneOf(Object.keys(QUICK_RANGES) as QuickRange[], params.get(P.range));
  return {
    text: params.get(P.text) ?? '',
    range,
    from: range ? null : bound(params.get(P.from)),
    to: range ? null : bound(params.get(P.to)),
    types: listOf(ACTIVITY_TYPES, params.get(P.types)),
    categories: listOf(ACTIVITY_CATEGORIES, params.get(P.categories)),
    outcome: oneOf(ACTIVITY_OUTCOMES, params.get(P.outcome)),
    ip: params.get(P.ip) ?? '',
    actorId: positiveId(params.get(P.actorId)),
    clientId: positiveId(params.get(P.clientId)),
    routerId: positiveId(params.get(P.routerId)),
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
  set(P.clientId, view.clientId === null ? null : String(view.clientId));
  set(P.routerId, view.routerId === null ? null : String(view.routerId));
  set(P.correlationId, view.correlationId);
  return params;
}

/** Epoch ms of the start of an office day given as `YYYY-MM-DD`. */
export function localDayStart(dayString: string, clock: OfficeClock): number {
  const [y, m, d] = dayString.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return Number.NaN;
  return clock.at(y, m, d);
}

/** Epoch ms of the last millisecond of an office day given as `YYYY-MM-DD`. */
export function localDayEnd(dayString: string, clock: OfficeClock): number {
  const start = localDayStart(dayString, clock);
  if (Number.isNaN(start)) return start;
  const { y, month, d } = clock.parts(start + 36 * 60 * 60 * 1000); // noon of the next day, or near
  return clock.at(y, month, d) - 1;
}

/** Epoch ms where a `from`/`to` bound starts: an office day's first or an office minute's first ms. */
export function boundStart(value: string, clock: OfficeClock): number {
  if (DAY.test(value)) return localDayStart(value, clock);
  const m = MINUTE.exec(value);
  const day = m?.[1];
  if (!m || day === undefined) return Number.NaN;
  const [hh, mm] = [Number(m[2]), Number(m[3])];
  if (hh > 23 || mm > 59) return Number.NaN;
  const [y = 0, mo = 1, d = 1] = day.split('-').map(Number);
  return clock.at(y, mo, d, hh, mm);
}

/** Epoch ms of a `from`/`to` bound's last millisecond (end of the day or of the minute). */
export function boundEnd(value: string, clock: OfficeClock): number {
  if (DAY.test(value)) return localDayEnd(value, clock);
  const start = boundStart(value, clock);
  return Number.isNaN(start) ? start : start + 60_000 - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (ms: number, clock: OfficeClock) => {
  const { y, month, d } = clock.parts(ms);
  return `${String(y)}-${pad(month)}-${pad(d)}`;
};

/** The office minute holding `ms`, as a bound (`YYYY-MM-DDTHH:mm`). */
export const minuteBound = (ms: number, clock: OfficeClock): string => {
  const { hh, mm } = clock.parts(ms);
  return `${dayOf(ms, clock)}T${pad(hh)}:${pad(mm)}`;
};

/** The shortest bound for an instant: a whole day when `ms` is where that day starts (or ends). */
const boundFor = (ms: number, edge: 'start' | 'end', clock: OfficeClock): string => {
  const day = dayOf(ms, clock);
  if (edge === 'start' && localDayStart(day, clock) === ms) return day;
  if (edge === 'end' && localDayEnd(day, clock) === ms) return day;
  return minuteBound(ms, clock);
};

/** True when the bound names a minute rather than a whole day (a zoomed range). */
export const isMinuteBound = (value: string | null): boolean =>
  value !== null && MINUTE.test(value);

/**
 * The view zoomed to [from, to] (epoch ms, inclusive), e.g. from a drag across the histogram.
 * A zoom always keeps its time, also when it starts or ends at midnight, so that it reads back as
 * a zoomed range (minutes) rather than as picked dates.
 */
export const zoomView = (
  view: ActivityView,
  from: number,
  to: number,
  clock: OfficeClock,
): ActivityView => ({
  ...view,
  range: null,
  from: minuteBound(from, clock),
  to: minuteBound(to, clock),
});

/** How far "around this entry" looks on each side, widening step by step (minutes). */
export const AROUND_SPANS = [5, 30, 120, 720] as const;

/**
 * Every entry within `spanMin` minutes either side of `ts`, with every other filter cleared (as
 * Kibana's surrounding documents): whole minutes, so the entry's own minute is always inside.
 */
export const surroundingView = (ts: number, spanMin: number, clock: OfficeClock): ActivityView => ({
  ...EMPTY_VIEW,
  from: minuteBound(ts - spanMin * 60_000, clock),
  to: minuteBound(ts + spanMin * 60_000, clock),
});

/**
 * The view for a filter kept by the server (a saved search). The inverse of `toApiFilter` for
 * everything the view can show; a relative range comes back as the dates it covered when saved.
 */
export function viewFromApiFilter(filter: ApiActivityFilter, clock: OfficeClock): ActivityView {
  const outcomes = filter.outcomes ?? [];
  return {
    ...EMPTY_VIEW,
    text: filter.text ?? '',
    from: filter.from === undefined ? null : boundFor(filter.from, 'start', clock),
    to: filter.to === undefined ? null : boundFor(filter.to, 'end', clock),
    types: listOf(ACTIVITY_TYPES, (filter.types ?? []).join(',')),
    categories: listOf(ACTIVITY_CATEGORIES, (filter.categories ?? []).join(',')),
    outcome: outcomes.length === 1 ? (outcomes[0] ?? null) : null,
    ip: filter.ip ?? '',
    actorId: filter.actorIds?.[0] ?? null,
    clientId: filter.clientId ?? null,
    routerId: filter.routerId ?? null,
    correlationId: filter.correlationId ?? '',
  };
}

/** The filter the server understands; `now` anchors quick ranges. */
export function toApiFilter(
  view: ActivityView,
  now: number,
  clock: OfficeClock,
): ApiActivityFilter {
  const filter: ApiActivityFilter = {};
  const text = view.text.trim();
  if (text) filter.text = text;
  if (view.range) {
    filter.from = Math.max(0, now - QUICK_RANGES[view.range].ms);
  } else {
    if (view.from) filter.from = boundStart(view.from, clock);
    if (view.to) filter.to = boundEnd(view.to, clock);
  }
  if (view.types.length) filter.types = view.types;
  if (view.categories.length) filter.categories = view.categories;
  if (view.outcome) filter.outcomes = [view.outcome];
  const ip = view.ip.trim();
  if (ip) filter.ip = ip;
  if (view.actorId !== null) filter.actorIds = [view.actorId];
  if (view.clientId !== null) filter.clientId = view.clientId;
  if (view.routerId !== null) filter.routerId = view.routerId;
  const correlationId = view.correlationId.trim();
  if (correlationId) filter.correlationId = correlationId;
  return filter;
}

export const isFiltered = (view: ActivityView): boolean => viewToParams(view).toString() !== '';

/** A stable text key for a view (the query string of its filter), e.g. to tell views apart. */
export const viewKey = (view: ActivityView): string => viewToParams(view).toString();
