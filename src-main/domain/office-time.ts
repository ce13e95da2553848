import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';

const GMT_OFFSET = /^GMT[+-]/;
/** English locales whose short names cover most offices' zones (EAT, WAT, CAT, IST …). */
const NAME_LOCALES = ['en-US', 'en-KE', 'en-NG', 'en-ZA', 'en-IN', 'en-GB', 'en-AU'];

/** `EAT` for Africa/Nairobi, `EST` for America/New_York; `GMT+3` when no locale names it. */
export function zoneLabel(timeZone: string, at: number = Date.now()): string {
  let fallback = timeZone;
  for (const locale of NAME_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!name) continue;
    if (!GMT_OFFSET.test(name)) return name;
    if (fallback === timeZone) fallback = name;
  }
  return fallback;
}

/** A moment in the office's zone, in `pattern` (date-fns), e.g. `yyyy-MM-dd HH:mm`. */
export const formatInZone = (ms: number, timeZone: string, pattern: string): string =>
  format(new TZDate(ms, timeZone), pattern);

/** A moment as a sentence says it: `2027-01-06 15:00 EAT` (the zone named, as text travels). */
export const officeMoment = (ms: number, timeZone: string): string =>
  `${formatInZone(ms, timeZone, 'yyyy-MM-dd HH:mm')} ${zoneLabel(timeZone, ms)}`;

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

const offsets = new Map<string, number>();

/** Minutes east of UTC in `timeZone` at `ms`, looked up once per zone and hour (Intl is slow). */
const offsetAt = (ms: number, timeZone: string): number => {
  const key = `${timeZone}|${String(Math.floor(ms / 3_600_000))}`;
  let minutes = offsets.get(key);
  if (minutes === undefined) {
    if (offsets.size > 10_000) offsets.clear();
    minutes = tzOffset(timeZone, new Date(ms));
    offsets.set(key, minutes);
  }
  return minutes;
};

/**
 * A moment as an RFC 3339 time in the office's zone, with milliseconds and the offset:
 * `2026-12-07T15:00:13.147+03:00`. For machines and files; fast enough for millions of entries.
 */
export const zonedIsoTime = (ms: number, timeZone: string): string => {
  const minutes = offsetAt(ms, timeZone);
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 23);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
};

/**
 * Where an instant falls on the office's calendar: its day (`yyyy-MM-dd`), weekday (0 = Monday …
 * 6 = Sunday) and hour (0–23), in the office's zone. Fast (one cached offset per zone and hour),
 * for folding thousands of hourly counts into office days and hours.
 */
export const officeHourOf = (
  ms: number,
  timeZone: string,
): { day: string; weekday: number; hour: number } => {
  const local = new Date(ms + offsetAt(ms, timeZone) * 60_000);
  return {
    day: local.toISOString().slice(0, 10),
    weekday: (local.getUTCDay() + 6) % 7,
    hour: local.getUTCHours(),
  };
};
