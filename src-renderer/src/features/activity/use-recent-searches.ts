import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { viewKey } from './filter-params';
import type { ActivityView } from './filter-params';
import { addRecent, parseRecent, recentStorageKey } from './recent-searches';

/** How long a filter must stay on screen to count as a search (not a step while typing). */
export const RECENT_DWELL_MS = 1500;

const read = (key: string): string[] => {
  try {
    return parseRecent(window.localStorage.getItem(key));
  } catch {
    return []; // storage disabled: recent searches simply stay empty
  }
};

/** The staff member's last searches on this workstation, most recent first. */
export function useRecentSearches(staffId: number) {
  const storageKey = recentStorageKey(staffId);
  const [state, setState] = useState(() => ({ storageKey, list: read(storageKey) }));
  // Another person signed in on this window: show their list.
  if (state.storageKey !== storageKey) setState({ storageKey, list: read(storageKey) });

  const remember = useCallback(
    (view: ActivityView) => {
      // Read again: another window of this workstation may have added searches meanwhile.
      const list = addRecent(read(storageKey), view);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(list));
      } catch {
        // Storage full or disabled: keep the list for this session only.
      }
      setState({ storageKey, list });
    },
    [storageKey],
  );
  return { recent: state.storageKey === storageKey ? state.list : [], remember };
}

/** Calls `remember(view)` once the view has stayed the same for `RECENT_DWELL_MS`. */
export function useRememberView(
  view: ActivityView,
  remember: (view: ActivityView) => void,
  dwellMs = RECENT_DWELL_MS,
) {
  const key = viewKey(view);
  const onDwell = useEffectEvent(() => remember(view));
  // Keyed by the filter's text form: a new object for the same filter restarts nothing.
  useEffect(() => {
    if (key === '') return;
    const timer = window.setTimeout(() => onDwell(), dwellMs);
    return () => window.clearTimeout(timer);
  }, [key, dwellMs]);
}
