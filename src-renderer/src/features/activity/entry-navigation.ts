import type { ActivityEntry } from '@contract/schemas/activity';

/** Down the list is older ("next"), up is newer ("previous"), as the results are newest first. */
export type Direction = 'next' | 'previous';

/**
 * The entry one step from the selection, or null at either end. With nothing selected (or the
 * selection not in the list) "next" starts at the top and "previous" at the bottom.
 */
export function stepEntry(
  entries: readonly ActivityEntry[],
  selectedId: number | null,
  direction: Direction,
): number | null {
  const at = selectedId === null ? -1 : entries.findIndex((e) => e.id === selectedId);
  if (at === -1) {
    return (direction === 'next' ? entries[0]?.id : entries.at(-1)?.id) ?? null;
  }
  return entries[direction === 'next' ? at + 1 : at - 1]?.id ?? null;
}

/** The nearest failure below ("next") or above ("previous") the selection in `entries`. */
export function findFailure(
  entries: readonly ActivityEntry[],
  selectedId: number | null,
  direction: Direction,
): number | null {
  const at = selectedId === null ? -1 : entries.findIndex((e) => e.id === selectedId);
  if (direction === 'next') {
    for (let i = at + 1; i < entries.length; i++) {
      const e = entries[i];
      if (e?.outcome === 'failure') return e.id;
    }
    return null;
  }
  for (let i = (at === -1 ? entries.length : at) - 1; i >= 0; i--) {
    const e = entries[i];
    if (e?.outcome === 'failure') return e.id;
  }
  return null;
}
