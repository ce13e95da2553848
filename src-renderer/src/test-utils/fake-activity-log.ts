import type { In, Out } from '@contract/api';
import type {
  ActivityCategory,
  ActivityEntry,
  ActivityFilter,
  ActivityRecorded,
} from '@contract/schemas/activity';
import type { FakeHandlers } from './fake-transport';
import { activityEntry } from './fixtures';

/** True when `entry` passes `filter` (a simple reference of what the core does). */
export function matches(entry: ActivityEntry, filter: ActivityFilter): boolean {
  const text = filter.text?.trim().toLowerCase();
  if (text && !text.split(/\s+/).every((w) => entry.description.toLowerCase().includes(w))) {
    return false;
  }
  if (filter.from !== undefined && entry.ts < filter.from) return false;
  if (filter.to !== undefined && entry.ts > filter.to) return false;
  if (filter.types && !filter.types.includes(entry.type)) return false;
  if (filter.categories && !filter.categories.includes(entry.category)) return false;
  if (filter.outcomes && !filter.outcomes.includes(entry.outcome)) return false;
  const ip = filter.ip;
  // Exact addresses and dotted prefixes (`10.0.`); CIDR blocks are left to the core's tests.
  if (ip !== undefined && entry.ip !== ip && !(ip.endsWith('.') && entry.ip?.startsWith(ip))) {
    return false;
  }
  if (filter.actorIds && !filter.actorIds.includes(entry.actor?.id ?? -1)) return false;
  if (filter.clientId !== undefined && entry.clientId !== filter.clientId) return false;
  if (filter.routerId !== undefined && entry.routerId !== filter.routerId) return false;
  if (filter.correlationId !== undefined && entry.correlationId !== filter.correlationId) {
    return false;
  }
  return true;
}

/**
 * An in-memory activity log behind the fake transport: `activity.search` with filters and keyset
 * paging, `activity.countAfter`, `activity.get`, and entries appended as if recorded (`record`). Entries are kept
 * newest first, like the results.
 */
export function createFakeLog(initial: ActivityEntry[]) {
  const entries = [...initial].sort((a, b) => b.id - a.id);
  const search = (input: In<'activity.search'>): Out<'activity.search'> => {
    const all = entries.filter((e) => matches(e, input.filter));
    const after = input.cursor === undefined ? all : all.filter((e) => e.id < (input.cursor ?? 0));
    const page = after.slice(0, input.limit ?? 100);
    const last = page.at(-1);
    return {
      entries: page,
      nextCursor: last !== undefined && after.length > page.length ? last.id : null,
      total: { count: all.length, capped: false },
    };
  };
  return {
    entries,
    search,
    get: (id: number) => entries.find((e) => e.id === id),
    /** Appends an entry as the newest one and returns it. */
    record(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
      const id = (entries[0]?.id ?? 0) + 1;
      const entry = activityEntry(id, {
        description: `Recorded entry #${String(id)}`,
        ...overrides,
      });
      entries.unshift(entry);
      return entry;
    },
    handlers(): FakeHandlers {
      return {
        'activity.search': search,
        'activity.countAfter': ({ filter, afterId }) => ({
          count: entries.filter((e) => e.id > afterId && matches(e, filter)).length,
          capped: false,
        }),
        'activity.get': ({ id }) => {
          const found = entries.find((e) => e.id === id);
          if (!found) throw new Error(`no entry ${String(id)}`);
          return found;
        },
      };
    },
  };
}

/** Entries 1…n, the oldest first; `outcomeOf` picks each one's outcome. */
export const makeEntries = (
  n: number,
  outcomeOf: (id: number) => ActivityEntry['outcome'] = () => 'success',
): ActivityEntry[] =>
  Array.from({ length: n }, (_, i) => activityEntry(i + 1, { outcome: outcomeOf(i + 1) }));

export const EMPTY_HISTOGRAM: Out<'activity.histogram'> = {
  from: 0,
  to: 0,
  bucketMs: 3_600_000,
  buckets: [],
  exact: true,
};

export const EMPTY_FACETS: Out<'activity.facets'> = {
  types: [],
  categories: [],
  outcomes: [],
  actors: [],
  exact: true,
};

/** The core's `activity.recorded` notice of `count` new entries of one category, the newest `lastId`. */
export const recordedNotice = (
  lastId: number,
  count: number,
  category: ActivityCategory = 'client',
): ActivityRecorded => ({ lastId, count, categories: { [category]: { lastId, count } } });
