import { useState } from 'react';
import type { ActivityEntry } from '@contract/schemas/activity';
import { useApiClient } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { findFailure } from './entry-navigation';
import type { Direction } from './entry-navigation';
import type { ActivityView } from './filter-params';
import { searchInput } from './use-activity-search';
import type { ActivityPages, useActivitySearch } from './use-activity-search';
import { useOfficeClock } from '../../lib/office-clock-context';

/** How many more pages "next failure" loads to reach a failure before it opens it directly. */
export const MAX_JUMP_PAGES = 20;

type Search = Pick<ReturnType<typeof useActivitySearch>, 'data' | 'hasNextPage' | 'fetchNextPage'>;

const flatten = (data: ActivityPages | undefined) => data?.pages.flatMap((p) => p.entries) ?? [];

/**
 * "Next failure" / "Previous failure": move the selection to the nearest entry with outcome
 * failure. Below the loaded results, the server is asked where the next failure is (one keyset
 * query with the outcome filter added) and pages are loaded until it is on screen; one that is
 * very far down is opened directly instead.
 */
export function useFailureJump(opts: {
  entries: readonly ActivityEntry[];
  search: Search;
  view: ActivityView;
  archive: string | null;
  selectedId: number | null;
  /** Selects the entry; `open` asks to show it in the drawer (it is not in the table). */
  select: (id: number, open: boolean) => void;
}) {
  const client = useApiClient();
  const clock = useOfficeClock();
  const [busy, setBusy] = useState<Direction | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const findBelowLoaded = async (): Promise<number | null> => {
    const { search, view, archive } = opts;
    const last = opts.entries.at(-1);
    const anchor = search.data?.pages[0]?.anchor;
    if (!search.hasNextPage || !last || anchor === undefined || view.outcome === 'success') {
      return null;
    }
    const input = searchInput(
      { ...view, outcome: 'failure' },
      anchor,
      { archive, pageSize: 1 },
      clock,
    );
    const found = await client.call('activity.search', { ...input, cursor: last.id });
    const target = found.entries[0]?.id ?? null;
    if (target === null) return null;
    let data = search.data;
    let more: boolean = search.hasNextPage;
    for (let i = 0; i < MAX_JUMP_PAGES && more; i++) {
      if (flatten(data).some((e) => e.id === target)) break;
      const next = await search.fetchNextPage();
      data = next.data;
      more = next.hasNextPage;
    }
    opts.select(target, !flatten(data).some((e) => e.id === target));
    return target;
  };

  const jump = async (direction: Direction) => {
    if (busy) return;
    setMessage(null);
    const local = findFailure(opts.entries, opts.selectedId, direction);
    if (local !== null) {
      opts.select(local, false);
      return;
    }
    const none =
      direction === 'next' ? 'No older failure in these results.' : 'No newer failure above.';
    if (direction === 'previous') {
      setMessage(none);
      return;
    }
    setBusy(direction);
    try {
      const found = await findBelowLoaded();
      if (found === null) setMessage(none);
    } catch (e) {
      setMessage(`Could not look for the next failure: ${errorMessage(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return { jump, busy, message };
}
