import { CLIENT_SORTS, CLIENT_STATUSES } from '@contract/schemas/clients';
import type { ClientFilter, ClientSort, ClientStatus } from '@contract/schemas/clients';

/** What the client list shows, as kept in the URL (`#/clients?q=…&status=active&sort=-expiresAt`). */
export type ClientListView = {
  search: string;
  statuses: ClientStatus[];
  planId: number | null;
  routerId: number | null;
  expiresWithinDays: number | null;
  sort: ClientSort;
};

export const DEFAULT_SORT: ClientSort = { by: 'name', dir: 'asc' };

export const EMPTY_CLIENT_VIEW: ClientListView = {
  search: '',
  statuses: [],
  planId: null,
  routerId: null,
  expiresWithinDays: null,
  sort: DEFAULT_SORT,
};

const P = {
  search: 'q',
  statuses: 'status',
  planId: 'plan',
  routerId: 'router',
  expiresWithinDays: 'within',
  sort: 'sort',
} as const satisfies Record<keyof ClientListView, string>;

const positiveId = (value: string | null): number | null => {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
};

const days = (value: string | null): number | null => {
  if (value === null || !/^\d{1,3}$/.test(value)) return null;
  const n = Number(value);
  return n <= 366 ? n : null;
};

const sortOf = (value: string | null): ClientSort => {
  if (!value) return DEFAULT_SORT;
  const dir = value.startsWith('-') ? 'desc' : 'asc';
  const by = value.replace(/^-/, '');
  return (CLIENT_SORTS as readonly string[]).includes(by)
    ? { by: by as ClientSort['by'], dir }
    : DEFAULT_SORT;
};

/** Reads the view from URL parameters, dropping whatever is not valid. */
export function clientViewFromParams(params: URLSearchParams): ClientListView {
  const picked = (params.get(P.statuses) ?? '').split(',');
  return {
    search: params.get(P.search) ?? '',
    statuses: CLIENT_STATUSES.filter((s) => picked.includes(s)),
    planId: positiveId(params.get(P.planId)),
    routerId: positiveId(params.get(P.routerId)),
    expiresWithinDays: days(params.get(P.expiresWithinDays)),
    sort: sortOf(params.get(P.sort)),
  };
}

/** Writes the view into URL parameters, leaving defaults out (short, bookmarkable URLs). */
export function clientViewToParams(view: ClientListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search.trim()) params.set(P.search, view.search);
  if (view.statuses.length > 0) params.set(P.statuses, view.statuses.join(','));
  if (view.planId !== null) params.set(P.planId, String(view.planId));
  if (view.routerId !== null) params.set(P.routerId, String(view.routerId));
  if (view.expiresWithinDays !== null) {
    params.set(P.expiresWithinDays, String(view.expiresWithinDays));
  }
  if (view.sort.by !== DEFAULT_SORT.by || view.sort.dir !== DEFAULT_SORT.dir) {
    params.set(P.sort, `${view.sort.dir === 'desc' ? '-' : ''}${view.sort.by}`);
  }
  return params;
}

/** The contract's filter for this view (also used for the CSV export of the same clients). */
export function toClientFilter(view: ClientListView): ClientFilter {
  const filter: ClientFilter = {};
  const search = view.search.trim();
  if (search) filter.search = search.slice(0, 100);
  if (view.statuses.length > 0) filter.statuses = view.statuses;
  if (view.planId !== null) filter.planId = view.planId;
  if (view.routerId !== null) filter.routerId = view.routerId;
  if (view.expiresWithinDays !== null) filter.expiresWithinDays = view.expiresWithinDays;
  return filter;
}

export const isClientViewFiltered = (view: ClientListView): boolean =>
  Object.keys(toClientFilter(view)).length > 0;

/** Clicking a column: a new column sorts ascending, the same column flips direction. */
export const nextSort = (current: ClientSort, by: ClientSort['by']): ClientSort =>
  current.by === by ? { by, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' };
