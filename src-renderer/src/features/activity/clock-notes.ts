import type { ActivityEntry } from '@contract/schemas/activity';

/**
 * What the computer's clock read when an entry was recorded, where that differs from the entry's
 * time: after the clock was turned back, the log keeps each new entry at the time of the one
 * before (so that it stays in order) and notes the clock's reading in `details.clockRead`.
 */
export const clockReadOf = (entry: ActivityEntry): number | null => {
  const d = entry.details;
  if (typeof d !== 'object' || d === null || !('clockRead' in d)) return null;
  return typeof d.clockRead === 'number' ? d.clockRead : null;
};

/** Whether the entries shown include a clock change or an entry stamped with a held time. */
export const showsClockChange = (entries: readonly ActivityEntry[]): boolean =>
  entries.some((e) => e.event === 'system.clock_changed' || clockReadOf(e) !== null);
