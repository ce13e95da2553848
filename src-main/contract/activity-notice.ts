import type { ActivityCategory, ActivityRecorded, RecordedTally } from './schemas/activity';

/** New entries per category, as a transaction commits them or the live tail gathers them. */
export type CategoryTallies = ActivityRecorded['categories'];

/** The `activity.recorded` notice for these tallies, with their totals; null when there are none. */
export const noticeOf = (categories: CategoryTallies): ActivityRecorded | null => {
  let lastId = 0;
  let count = 0;
  for (const tally of Object.values(categories)) {
    lastId = Math.max(lastId, tally.lastId);
    count += tally.count;
  }
  return count > 0 ? { lastId, count, categories } : null;
};

/**
 * The notice narrowed to some categories (`visible`; null for all): only theirs, its totals
 * counted over them; null when none of the new entries is of them. The same object when nothing
 * is left out. The transports narrow to what the session's role may read in the log; the Activity
 * Log screen, to the categories its filter shows.
 */
export const noticeFor = (
  notice: ActivityRecorded,
  visible: readonly ActivityCategory[] | null,
): ActivityRecorded | null => {
  if (visible === null) return notice;
  const shown: CategoryTallies = {};
  let hidden = false;
  for (const [category, tally] of Object.entries(notice.categories) as [
    ActivityCategory,
    RecordedTally,
  ][]) {
    if (visible.includes(category)) shown[category] = tally;
    else hidden = true;
  }
  return hidden ? noticeOf(shown) : notice;
};
