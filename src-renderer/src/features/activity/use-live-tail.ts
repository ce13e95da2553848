import { useQueryClient } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ActivityRecorded } from '@contract/schemas/activity';
import { useApiClient } from '../../api/api-context';
import { viewKey } from './filter-params';
import type { ActivityView } from './filter-params';
import { liveStatus, mergeNewest, newForView } from './live-tail';
import { activityStatsKey } from './use-activity-stats';
import { activitySearchKey, searchInput } from './use-activity-search';
import { applyCount, useWaitingCount } from './use-waiting-count';
import type { ActivityPages } from './use-activity-search';
import { useOfficeClock } from '../../lib/office-clock-context';

/** How far down the page counts as "scrolled away from the top" (px). */
export const SCROLL_AWAY_PX = 120;

const isScrolledAway = () => window.scrollY > SCROLL_AWAY_PX;

const subscribeScroll = (onChange: () => void) => {
  window.addEventListener('scroll', onChange, { passive: true });
  return () => window.removeEventListener('scroll', onChange);
};

/** True while the page is scrolled down past the top of the results. */
export function useScrolledAway(): boolean {
  return useSyncExternalStore(subscribeScroll, isScrolledAway, () => false);
}

export const scrollToTop = () => document.documentElement.scrollTo({ top: 0, behavior: 'smooth' });

type Options = {
  /** The user turned live tail on and the screen shows the live log (never an archive). */
  enabled: boolean;
  /** An entry is open in the drawer. */
  inspecting: boolean;
  view: ActivityView;
  /** Id of the newest entry on screen; notices about entries up to it are ignored. */
  newestShownId: number | null;
};

/**
 * Live tail: on every `activity.recorded` notice (the core sends at most two a second, counting
 * only entries the user's role may read) of entries in the categories the filter shows, fetch the
 * newest page and merge it on top of the results. While the user reads (scrolled away from the
 * top, or an entry open) it only counts what arrived that the filter shows (`useWaitingCount`); back at the top, or after `resume` when
 * the drawer closes, or on `catchUp` ("Resume"), it fetches what is waiting.
 */
export function useLiveTail({ enabled, inspecting, view, newestShownId }: Options) {
  const client = useApiClient();
  const clock = useOfficeClock();
  const queryClient = useQueryClient();
  const scrolledAway = useScrolledAway();
  const status = liveStatus({ enabled, scrolledAway, inspecting });
  const key = viewKey(view);
  const [waiting, setWaiting] = useState({ key, count: 0 });
  // A new filter starts from the top with a fresh search: nothing is waiting for it.
  if (waiting.key !== key) setWaiting({ key, count: 0 });

  const inFlight = useRef(false);
  const requested = useRef(0);
  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  }, [view]);

  const refresh = useCallback(async () => {
    requested.current += 1;
    if (inFlight.current) return; // the running refresh goes round once more
    inFlight.current = true;
    try {
      for (;;) {
        const round = requested.current;
        const current = latestView.current;
        const searchKey = activitySearchKey(current);
        const fresh = await client.call(
          'activity.search',
          searchInput(current, Date.now(), {}, clock),
        );
        // The filter changed meanwhile: its own search starts from the top anyway.
        if (viewKey(latestView.current) === viewKey(current)) {
          const data = queryClient.getQueryData<ActivityPages>(searchKey);
          const merged = data ? mergeNewest(data, fresh) : null;
          if (!merged) await queryClient.resetQueries({ queryKey: searchKey, exact: true });
          else if (merged.added > 0) queryClient.setQueryData(searchKey, merged.data);
          setWaiting({ key: viewKey(current), count: 0 });
          void queryClient.invalidateQueries({ queryKey: activityStatsKey('activity.histogram') });
          void queryClient.invalidateQueries({ queryKey: activityStatsKey('activity.facets') });
        }
        if (requested.current === round) break;
      }
    } catch {
      // A failed refresh is retried by the next notice; the results on screen stay as they are.
    } finally {
      inFlight.current = false;
    }
  }, [client, clock, queryClient]);

  const waitingCount = useWaitingCount(view, newestShownId);
  const onRecorded = useEffectEvent((notice: ActivityRecorded) => {
    if (status !== 'paused') {
      const shown = newForView(notice, view.categories);
      if (shown && (newestShownId === null || shown.lastId > newestShownId)) void refresh();
      return;
    }
    const asked = key;
    waitingCount(notice, (update) =>
      setWaiting((w) => (w.key === asked ? { ...w, count: applyCount(w.count, update) } : w)),
    );
  });
  useEffect(() => {
    if (!enabled) return;
    return client.subscribe('activity.recorded', (notice) => onRecorded(notice));
  }, [client, enabled]);

  // Back at the top of the page with entries waiting: show them.
  const onScroll = useEffectEvent(() => {
    if (enabled && !inspecting && waiting.count > 0 && !isScrolledAway()) void refresh();
  });
  useEffect(() => subscribeScroll(() => onScroll()), []);

  const pending = enabled && waiting.key === key ? waiting.count : 0;
  return {
    status,
    pending,
    /** Fetch the newest entries now ("Resume", or turning live tail on). */
    catchUp: refresh,
    /** The drawer closed: if nothing else holds the pause, show what is waiting. */
    resume: () => {
      if (enabled && pending > 0 && !isScrolledAway()) void refresh();
    },
  };
}
