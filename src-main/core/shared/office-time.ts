import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';

/**
 * Calendar days in the office's time zone. Days start at local midnight, so a day may be 23 or
 * 25 hours long across a DST change. (Renewal periods: src-main/domain/renewal-period.ts.)
 */

const parseDay = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`Bad day ${day}`);
  return [y, m, d];
};

/** [from, to): the epoch-ms span of a `yyyy-MM-dd` day in `tz`. */
export const dayRange = (day: string, tz: string): { from: number; to: number } => {
  const [y, m, d] = parseDay(day);
  const start = new TZDate(y, m - 1, d, tz);
  return { from: start.getTime(), to: addDays(start, 1).getTime() };
};

/** [from, to): from the start of `fromDay` to the end of `toDay` (inclusive). */
export const daysRange = (fromDay: string, toDay: string, tz: string) => ({
  from: dayRange(fromDay, tz).from,
  to: dayRange(toDay, tz).to,
});

export const dayOf = (ms: number, tz: string): string => format(new TZDate(ms, tz), 'yyyy-MM-dd');

/** Every day or month label from `fromDay` to `toDay` inclusive. */
export const periodLabels = (fromDay: string, toDay: string, by: 'day' | 'month'): string[] => {
  const labels: string[] = [];
  const [y, m, d] = parseDay(fromDay);
  // Calendar stepping only: UTC noon avoids any DST edge.
  let t = new Date(Date.UTC(y, m - 1, by === 'day' ? d : 1, 12));
  const last = by === 'day' ? toDay : toDay.slice(0, 7);
  for (;;) {
    const label = t.toISOString().slice(0, by === 'day' ? 10 : 7);
    if (label > last) return labels;
    labels.push(label);
    t = by === 'day' ? addDays(t, 1) : addMonths(t, 1);
  }
};

/** "15 Jan 2030 09:00:05": a moment as the office's clock shows it, for log sentences. */
export const officeDateTime = (ms: number, tz: string): string =>
  format(new TZDate(ms, tz), 'd MMM yyyy HH:mm:ss');
