import { TZDate } from '@date-fns/tz';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An office calendar day (`yyyy-MM-dd`) as epoch milliseconds in the office's time zone: its first
 * millisecond, or with `end` its last. Null when the text is not a real date.
 */
export const officeDayBound = (text: string, timeZone: string, end: boolean): number | null => {
  const day = DAY.exec(text.trim());
  if (!day) return null;
  const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
  const start = new TZDate(y, m, d, timeZone);
  if (start.getFullYear() !== y || start.getMonth() !== m || start.getDate() !== d) return null;
  return end ? new TZDate(y, m, d + 1, timeZone).getTime() - 1 : start.getTime();
};
