import { useState } from 'react';
import type { ActivityEntry } from '@contract/schemas/activity';
import { stepEntry } from './entry-navigation';
import type { Direction } from './entry-navigation';
import type { ActivityView } from './filter-params';
import { useFailureJump } from './use-failure-jump';
import type { useActivitySearch } from './use-activity-search';

type Search = ReturnType<typeof useActivitySearch>;

/**
 * The keyboard selection in the results (j/k, next/previous failure) and the entry open in the
 * drawer. While the drawer is open, moving the selection shows the newly selected entry in it.
 */
export function useEntryCursor(opts: {
  entries: ActivityEntry[];
  search: Search;
  view: ActivityView;
  archive: string | null;
  /** The entry open in the drawer (from the URL). */
  openId: number | null;
  setOpenId: (id: number | null) => void;
}) {
  const { entries, search, openId, setOpenId } = opts;
  const [cursorId, setCursorId] = useState<number | null>(null);
  const current = cursorId ?? openId;

  const select = (id: number, open: boolean) => {
    setCursorId(id);
    if (open || openId !== null) setOpenId(id);
  };
  const open = (id: number) => {
    setCursorId(id);
    setOpenId(id);
  };

  const failures = useFailureJump({
    entries,
    search,
    view: opts.view,
    archive: opts.archive,
    selectedId: current,
    select,
  });

  /** One entry down (loading the next page at the bottom) or up. */
  const step = async (direction: Direction) => {
    let next = stepEntry(entries, current, direction);
    const atBottom = direction === 'next' && current !== null && entries.at(-1)?.id === current;
    if (atBottom && search.hasNextPage) {
      const more = await search.fetchNextPage();
      next = stepEntry(more.data?.pages.flatMap((p) => p.entries) ?? [], current, 'next');
    }
    if (next !== null) select(next, false);
  };

  return { cursorId: current, select, open, step, failures };
}
