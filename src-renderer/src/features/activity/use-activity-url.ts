import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ArchiveNameSchema } from '@contract/schemas/activity';
import { ARCHIVE_PARAM, viewFromParams, viewToParams } from './filter-params';
import type { ActivityView } from './filter-params';

export const ENTRY_PARAM = 'entry';
/** `around=<id>&span=5m`: the screen shows what happened around that entry. */
export const AROUND_PARAM = 'around';
export const SPAN_PARAM = 'span';

/** The entry and span (minutes either side) of an "around this entry" view. */
export type AroundParams = { id: number; spanMin: number };

/** The entry and span (minutes) of an "around this entry" view in the URL, or null. */
const aroundOf = (params: URLSearchParams): AroundParams | null => {
  const id = Number(params.get(AROUND_PARAM));
  const span = /^(\d{1,4})m$/.exec(params.get(SPAN_PARAM) ?? '5m');
  const spanMin = Number(span?.[1]);
  return Number.isSafeInteger(id) && id > 0 && spanMin > 0 ? { id, spanMin } : null;
};

/** Some fields to change, or a function of the current view giving the next one. */
export type ViewChange = Partial<ActivityView> | ((view: ActivityView) => ActivityView);

/** The archive named in the URL, if it is a valid archive name. */
const archiveOf = (params: URLSearchParams): string | null => {
  const name = params.get(ARCHIVE_PARAM);
  return name !== null && ArchiveNameSchema.safeParse(name).success ? name : null;
};

/**
 * Everything the activity log screen keeps in the URL: the filter, the entry open in the drawer
 * (`entry`) and the archive under review (`archive`), so that any state can be bookmarked or
 * shared, and the browser's Back undoes a zoom, a pivot or opening an archive.
 */
export function useActivityUrl() {
  const [params, setSearchParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  const archive = archiveOf(params);
  const selectedId = Number(params.get(ENTRY_PARAM)) || null;

  // The router's params are those of the last render. Two changes in quick succession (an entry
  // opened just as the debounced search commits) would each start from them, and the second
  // would undo the first; so each change starts from the one before until the router catches up.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);
  const setParams = useCallback(
    (change: (prev: URLSearchParams) => URLSearchParams, options?: { replace?: boolean }) => {
      const next = change(new URLSearchParams(pending.current ?? params));
      pending.current = next.toString();
      setSearchParams(next, options);
    },
    [params, setSearchParams],
  );

  /** The view after `change`, applied to the newest params (not the last render's view). */
  const apply = (change: ViewChange, prev: URLSearchParams): URLSearchParams => {
    const current = viewFromParams(prev);
    const next = typeof change === 'function' ? change(current) : { ...current, ...change };
    const out = viewToParams(next, prev);
    // Any other filter ends the "around this entry" view.
    out.delete(AROUND_PARAM);
    out.delete(SPAN_PARAM);
    return out;
  };

  /** `push` adds a history entry (discrete changes); typing replaces the current one. */
  const setView = useCallback(
    (change: ViewChange, mode: 'push' | 'replace' = 'replace') =>
      setParams((prev) => apply(change, prev), { replace: mode === 'replace' }),
    [setParams],
  );

  /** A new filter that also closes the drawer (pivots, facets, saved and recent searches). */
  const showView = useCallback(
    (change: ViewChange) =>
      setParams((prev) => {
        const out = apply(change, prev);
        out.delete(ENTRY_PARAM);
        return out;
      }),
    [setParams],
  );

  const setEntry = useCallback(
    (id: number | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id === null) next.delete(ENTRY_PARAM);
          else next.set(ENTRY_PARAM, String(id));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  /**
   * Switches the whole screen to an archive (or back to the live log with null). A quick range
   * ("last 24 hours") is dropped on the way into an archive, whose entries are older than that.
   */
  const setArchive = useCallback(
    (name: string | null) =>
      setParams((prev) => {
        const current = viewFromParams(prev);
        const next = viewToParams(name ? { ...current, range: null } : current, prev);
        next.delete(ENTRY_PARAM);
        if (name) next.set(ARCHIVE_PARAM, name);
        else next.delete(ARCHIVE_PARAM);
        return next;
      }),
    [setParams],
  );

  /**
   * What happened around an entry: every filter cleared, `spanMin` minutes either side of it (the
   * table highlights it and keeps it in view; the drawer closes so the entries around it show);
   * bookmarkable (`around=<id>&span=5m`).
   */
  const showAround = useCallback(
    (entry: { id: number }, spanMin: number, view: ActivityView) =>
      setParams((prev) => {
        const next = viewToParams(view, prev);
        next.delete(ENTRY_PARAM);
        next.set(AROUND_PARAM, String(entry.id));
        next.set(SPAN_PARAM, `${String(spanMin)}m`);
        return next;
      }),
    [setParams],
  );

  /**
   * Puts the window's bounds into the URL of an "around" view whose own are missing or stale (a
   * bookmark holding only `around` and `span`), in place: Back does not return to it.
   */
  const alignAround = useCallback(
    (view: ActivityView, of: AroundParams) =>
      setParams(
        (prev) => {
          // Only while the URL still shows that window: a filter chosen meanwhile stands.
          const current = aroundOf(prev);
          const same = current?.id === of.id && current.spanMin === of.spanMin;
          return same ? viewToParams(view, prev) : prev;
        },
        { replace: true },
      ),
    [setParams],
  );

  const around = aroundOf(params);
  return {
    view,
    archive,
    selectedId,
    around,
    setView,
    showView,
    setEntry,
    setArchive,
    showAround,
    alignAround,
  };
}
