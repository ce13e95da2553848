import { officeClock } from '../../lib/office-time';

/** A moment as the office reads it, in its configured IANA zone: `2025-03-14 09:26`. */
export const formatOfficeDateTime = (ms: number, timeZone: string): string =>
  officeClock(timeZone).dateTimeShort(ms);

/** The office's calendar day of a moment, `yyyy-MM-dd`. */
export const officeDay = (ms: number, timeZone: string): string => officeClock(timeZone).day(ms);

/** The first day of the month `day` falls in. */
export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;
