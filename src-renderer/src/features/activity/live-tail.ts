import { noticeFor } from '@contract/activity-notice';
import type { Out } from '@contract/api';
import type { ActivityCategory, ActivityRecorded } from '@contract/schemas/activity';
import type { ActivityView } from './filter-params';
import type { ActivityPages } from './use-activity-search';

export type LiveStatus = 'off' | 'live' | 'paused';

/**
 * Live tail runs when the user turned it on, and pauses while they read: scrolled away from the
 * top of the results, or inspecting an entry in the drawer. New entries would otherwise push what
 * they are reading down the page.
 */
export function liveStatus(state: {
  enabled: boolean;
  scrolledAway: boolean;
  inspecting: boolean;
}): LiveStatus {
  if (!state.enabled) return 'off';
  return state.scrolledAway || state.inspecting ? 'paused' : 'live';
}

/**
 * Puts the newest page, fetched after an `activity.recorded` notice, on top of what is shown.
 * Entries already shown are not repeated. Returns null when the two do not join up (more new
 * entries arrived than one page holds, or nothing was shown yet): the caller then reloads the
 * search from the top instead, so that no entries go missing in between.
 */
export function mergeNewest(
  data: ActivityPages,
  fresh: Out<'activity.search'>,
): { data: ActivityPages; added: number } | null {
  const [first, ...rest] = data.pages;
  const newestShown = first?.entries[0]?.id;
  if (!first || newestShown === undefined) return null;
  const added = fresh.entries.filter((e) => e.id > newestShown);
  const joins = added.length < fresh.entries.length || fresh.nextCursor === null;
  if (!joins) return null;
  if (added.length === 0) return { data, added: 0 };
  return {
    added: added.length,
    data: {
      ...data,
      pages: [{ ...first, entries: [...added, ...first.entries], total: fresh.total }, ...rest],
    },
  };
}

/**
 * True when a notice alone tells how many new entries the view shows: it filters by category at
 * most (a quick range such as "last 7 days" always takes in what was just recorded). Any other
 * filter — text, type, outcome, IP, staff, client, router, correlation, a fixed date range —
 * needs the log's own count (`activity.countAfter`).
 */
export function noticeTellsCount(view: ActivityView): boolean {
  return (
    view.text.trim() === '' &&
    view.from === null &&
    view.to === null &&
    view.types.length === 0 &&
    view.outcome === null &&
    view.ip.trim() === '' &&
    view.actorId === null &&
    view.clientId === null &&
    view.routerId === null &&
    view.correlationId.trim() === ''
  );
}

/**
 * What an `activity.recorded` notice (already only what the user's role may read) brings to the
 * screen: the new entries of the categories the filter shows, all when it picks none; null when
 * none of them is. The other filters cannot be judged from a notice: the refetch applies them.
 */
export function newForView(
  notice: ActivityRecorded,
  categories: readonly ActivityCategory[],
): { lastId: number; count: number } | null {
  return noticeFor(notice, categories.length > 0 ? categories : null);
}
