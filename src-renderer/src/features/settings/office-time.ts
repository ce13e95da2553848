import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** A moment as the office reads it, in its configured IANA zone: `2025-03-14 09:26`. */
export const formatOfficeDateTime = (ms: number, timeZone: string): string =>
  format(new TZDate(ms, timeZone), 'yyyy-MM-dd HH:mm');

/** The office's calendar day of a moment, `yyyy-MM-dd`. */
export const officeDay = (ms: number, timeZone: string): string =>
  format(new TZDate(ms, timeZone), 'yyyy-MM-dd');

/** The first day of the month `day` falls in. */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
