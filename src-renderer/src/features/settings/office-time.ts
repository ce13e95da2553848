import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';

/** A moment as the office reads it, in its configured IANA zone: `2025-03-14 09:26`. */
export const formatOfficeDateTime = (ms: number, timeZone: string): string =>
  format(new TZDate(ms, timeZone), 'yyyy-MM-dd HH:mm');

/** The office's calendar day of a moment, `yyyy-MM-dd`. */
export const officeDay = (ms: number, timeZone: string): string =>
  format(new TZDate(ms, timeZone), 'yyyy-MM-dd');

/** The first day of the month `day` falls in. */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/**
 * Where a renewal would take the expiry: from the later of now and the current expiry, forward
 * by the plan's validity × periods, on the office calendar (the core does the same, and its
 * answer is what counts; this is a preview).
 */
export const renewedUntil = (
  expiresAt: number,
  now: number,
  validity: { unit: 'days' | 'months'; count: number },
  periods: number,
  timeZone: string,
): number => {
  const start = new TZDate(Math.max(expiresAt, now), timeZone);
  const n = validity.count * periods;
  return (validity.unit === 'days' ? addDays(start, n) : addMonths(start, n)).getTime();
};
