import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState, useSyncExternalStore } from 'react';
import { useApiClient } from '../../api/api-context';
import { viewKey } from './filter-params';
import type { ActivityView } from './filter-params';
import { mergeNewest } from './live-tail';
import { activityStatsKey } from './use-activity-stats';
import { activitySearchKey, searchInput } from './use-activity-search';
import type { ActivityPages } from './use-activity-search';

/** How far down the page counts as "scrolled away from the top" (px). */
export const SCROLL_AWAY_PX = 120;

const subscribeScroll = (onChange: () => void) => {
  window.addEventListener('scroll', onChange, { passive: true });
  return () => window.removeEventListener('scroll', onChange);
};

/** True while the page is scrolled down past the top of the results. */
export function useScrolledAway(threshold = SCROLL_AWAY_PX): boolean {
  return useSyncExternalStore(
    subscribeScroll,
    () => window.scrollY > threshold,
    () => false,
  );
}

export const scrollToTop = () => document.documentElement.scrollTo({ top: 0, behavior: 'smooth' });

type Options = {
  /** Live tail is on and the screen shows the live log (never an archive). */
  enabled: boolean;
  /** The user is reading (scrolled away, drawer open): count new entries instead of showing them. */
  paused: boolean;
  view: ActivityView;
  /** Id of the newest entry on screen; notices about entries up to it are ignored. */
  newestShownId: number | null;
};

/**
 * Live tail: on every `activity.recorded` notice (the core sends at most two a second) fetch the
 * newest page and merge it on top of the results. While paused, only count what arrived;
 * `catchUp` (or the pause ending) fetches it.
 */
export function useLiveTail({ enabled, paused, view, newestShownId }: Options) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(0);
  const inFlight = useRef(false);
  const again = useRef(false);
  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  }, [view]);

  const refresh = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      do {
        again.current = false;
        const current = latestView.current;
        const key = activitySearchKey(current);
        const fresh = await client.call('activity.search', searchInput(current, Date.now(), {}));
        // The filter changed while this was in flight: that search starts from the top anyway.
        if (viewKey(latestView.current) !== viewKey(current)) continue;
        const data = queryClient.getQueryData<ActivityPages>(key);
        const merged = data ? mergeNewest(data, fresh) : null;
        if (merged) {
          if (merged.added > 0) queryClient.setQueryData(key, merged.data);
        } else {
          await queryClient.resetQueries({ queryKey: key, exact: true });
        }
        setPending(0);
        void queryClient.invalidateQueries({ queryKey: activityStatsKey('activity.histogram') });
        void queryClient.invalidateQueries({ queryKey: activityStatsKey('activity.facets') });
      } while (again.current);
    } catch {
      // A failed refresh is retried by the next notice; the results on screen stay as they are.
    } finally {
      inFlight.current = false;
    }
  }, [client, queryClient]);

  const onRecorded = useEffectEvent((lastId: number, count: number) => {
    if (newestShownId !== null && lastId <= newestShownId) return;
    if (paused) setPending((n) => n + count);
    else void refresh();
  });
  useEffect(() => {
    if (!enabled) return;
    return client.subscribe('activity.recorded', ({ lastId, count }) => onRecorded(lastId, count));
  }, [client, enabled]);

  // The pause ended (back at the top, drawer closed): show what arrived meanwhile.
  const catchUpOnResume = useEffectEvent(() => {
    if (enabled && pending > 0) void refresh();
  });
  useEffect(() => {
    if (!paused) catchUpOnResume();
  }, [paused]);

  return { pending: enabled ? pending : 0, catchUp: refresh };
}
