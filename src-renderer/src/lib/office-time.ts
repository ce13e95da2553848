import { TZDate } from '@date-fns/tz';
import { formatDistanceStrict } from 'date-fns';
import { formatInZone, zoneLabel } from '@domain/office-time';

export { zoneLabel };

/**
 * The one place the renderer turns an instant into words: always in the office's IANA zone
 * (settings `timeZone`), never in the browser's. Components get these through `useOfficeClock()`;
 * a source scan (office-time.scan.test.ts) keeps date formatting out of every other file.
 */
export type OfficeClock = {
  timeZone: string;
  /** A short name for the zone as people read it: `EAT`, `UTC`, `GMT+3`. */
  zone: string;
  /** `2025-03-14 09:26:53` */
  dateTime: (ms: number) => string;
  /** `2025-03-14 09:26` */
  dateTimeShort: (ms: number) => string;
  /** `2025-03-14` */
  day: (ms: number) => string;
  /** `09:26:53` */
  time: (ms: number) => string;
  /** `20250314-092653`, for file names. */
  fileStamp: (ms: number) => string;
  /** `in 5 minutes`, `3 days ago`, measured from `now`. */
  relative: (ms: number, now?: number) => string;
  /** Epoch ms of a wall-clock moment in the office zone; NaN for a date that does not exist. */
  at: (y: number, month: number, d: number, hh?: number, mm?: number) => number;
  /** The office's calendar fields of an instant. */
  parts: (ms: number) => { y: number; month: number; d: number; hh: number; mm: number };
};

export function officeClock(timeZone: string): OfficeClock {
  const fmt = (pattern: string) => (ms: number) => formatInZone(ms, timeZone, pattern);
  return {
    timeZone,
    zone: zoneLabel(timeZone),
    dateTime: fmt('yyyy-MM-dd HH:mm:ss'),
    dateTimeShort: fmt('yyyy-MM-dd HH:mm'),
    day: fmt('yyyy-MM-dd'),
    time: fmt('HH:mm:ss'),
    fileStamp: fmt('yyyyMMdd-HHmmss'),
    relative: (ms, now = Date.now()) => formatDistanceStrict(ms, now, { addSuffix: true }),
    at: (y, month, d, hh = 0, mm = 0) => {
      const date = new TZDate(y, month - 1, d, hh, mm, timeZone);
      const same =
        date.getFullYear() === y &&
        date.getMonth() === month - 1 &&
        date.getDate() === d &&
        date.getHours() === hh &&
        date.getMinutes() === mm;
      return same ? date.getTime() : Number.NaN;
    },
    parts: (ms) => {
      const date = new TZDate(ms, timeZone);
      return {
        y: date.getFullYear(),
        month: date.getMonth() + 1,
        d: date.getDate(),
        hh: date.getHours(),
        mm: date.getMinutes(),
      };
    },
  };
}

/** The office's date format for every date input (Mantine `valueFormat`). */
export const OFFICE_DATE_INPUT_FORMAT = 'YYYY-MM-DD';

/** This machine's own zone: only a default the first-run office profile offers. */
export const machineTimeZone = (): string | undefined =>
  Intl.DateTimeFormat().resolvedOptions().timeZone;
