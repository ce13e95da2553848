import { TZDate } from '@date-fns/tz';
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
