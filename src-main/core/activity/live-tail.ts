import { noticeOf, type CategoryTallies } from '../../contract/activity-notice';
import type {
  ActivityCategory,
  ActivityRecorded,
  RecordedTally,
} from '../../contract/schemas/activity';

/** Adds one entry (or a tally of several) of a category to `into`. */
export const addTally = (
  into: CategoryTallies,
  category: ActivityCategory,
  tally: RecordedTally,
): void => {
  const had = into[category];
  into[category] = had
    ? { lastId: Math.max(had.lastId, tally.lastId), count: had.count + tally.count }
    : { ...tally };
};

/**
 * Coalesces "entries were recorded" notices so that viewers get at most one update per
 * interval however fast the log grows (a burst of 10 000 entries is one notice), and the first
 * notice after a quiet spell goes out at once. Entries are counted per category, so that each
 * session can be told only of those its role may read (`noticeFor`, in the contract).
 */
export const createLiveTail = (opts: {
  intervalMs: number;
  emit: (notice: ActivityRecorded) => void;
}) => {
  let pending: CategoryTallies = {};
  let timer: NodeJS.Timeout | null = null;
  let lastSent = -Infinity;

  const send = () => {
    timer = null;
    const notice = noticeOf(pending);
    pending = {};
    if (!notice) return;
    lastSent = performance.now();
    opts.emit(notice);
  };

  return {
    /** Entries committed by one transaction, per category. */
    recorded(categories: CategoryTallies): void {
      for (const [category, tally] of Object.entries(categories) as [
        ActivityCategory,
        RecordedTally,
      ][]) {
        addTally(pending, category, tally);
      }
      if (timer) return;
      const wait = Math.max(0, lastSent + opts.intervalMs - performance.now());
      if (wait === 0) send();
      else timer = setTimeout(send, wait);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = {};
    },
  };
};
