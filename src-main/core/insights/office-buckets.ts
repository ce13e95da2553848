import { officeDayBound, officeHourOf } from '../../domain/office-time';

export const HOUR_MS = 3_600_000;

/**
 * Folds UTC hours (the rollups' keys) onto the office's calendar: each hour's office day,
 * weekday and hour, read at the hour's middle (so a zone half an hour off UTC puts it where
 * most of it lies), and the start of the bucket a chart draws it in. Cached per hour: thousands
 * of rows share a few hundred hours.
 */
export const createOfficeHours = (timeZone: string, bucket: 'hour' | 'day') => {
  const parts = new Map<number, { day: string; weekday: number; hour: number }>();
  const dayStarts = new Map<string, number>();
  const of = (hour: number) => {
    let p = parts.get(hour);
    if (!p) {
      p = officeHourOf(hour * HOUR_MS + HOUR_MS / 2, timeZone);
      parts.set(hour, p);
    }
    return p;
  };
  const dayStart = (day: string, fallback: number): number => {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = officeDayBound(day, timeZone, false) ?? fallback;
      dayStarts.set(day, start);
    }
    return start;
  };
  return {
    of,
    /** Where the chart draws this hour: the hour itself, or its office day's first ms. */
    bucketStart: (hour: number): number =>
      bucket === 'hour' ? hour * HOUR_MS : dayStart(of(hour).day, hour * HOUR_MS),
    /** The office days from the one holding `from` to the one holding `to`, oldest first. */
    days: (from: number, to: number): string[] => {
      const out: string[] = [];
      let day = officeHourOf(from, timeZone).day;
      const last = officeHourOf(to, timeZone).day;
      while (day <= last && out.length <= 400) {
        out.push(day);
        const end = officeDayBound(day, timeZone, true);
        if (end === null) break;
        day = officeHourOf(end + 1, timeZone).day;
      }
      return out;
    },
  };
};
