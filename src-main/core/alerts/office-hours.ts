import type { AlertRuleSettings } from '../../contract/schemas/alerts';

const WEEKDAY_KEYS = [
  'hoursSun',
  'hoursMon',
  'hoursTue',
  'hoursWed',
  'hoursThu',
  'hoursFri',
  'hoursSat',
] as const satisfies readonly (keyof AlertRuleSettings)[];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const HOUR = 3_600_000;

/** One formatter per time zone: building them is the costly part. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

const partsAt = (ms: number, timeZone: string): Record<string, string> => {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return parts;
};

export type OfficeMoment = { day: string; weekday: number; minute: number };

/** The moment as Intl reads it (slow: a formatToParts per call). */
const momentByFormatter = (ms: number, timeZone: string): OfficeMoment => {
  const parts = partsAt(ms, timeZone);
  return {
    day: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
};

/** The office's wall clock at a whole second `ms`, read as if it were UTC; null outside 1000–9999. */
const wallClockAt = (ms: number, timeZone: string): number | null => {
  const p = partsAt(ms, timeZone);
  const year = Number(p.year);
  if (!(year >= 1_000 && year <= 9_999)) return null;
  return Date.UTC(
    year,
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
};

/**
 * The zone's offset (ms) through one whole UTC hour, or null when it changes inside that hour
 * (a transition at a half hour, as in Lord Howe or Kathmandu) or cannot be read. Zone rules never
 * change twice within one hour, and they change on whole seconds, so the offsets at the hour's
 * first second and its last agreeing means the whole hour has that offset.
 */
const offsets = new Map<string, number | null>();
const hourOffset = (hour: number, timeZone: string): number | null => {
  const key = `${timeZone}|${String(hour)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const first = hour * HOUR;
  const last = first + HOUR - 1_000;
  const a = wallClockAt(first, timeZone);
  const b = wallClockAt(last, timeZone);
  const offset = a !== null && b !== null && a - first === b - last ? a - first : null;
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
};

const two = (n: number) => (n < 10 ? `0${String(n)}` : String(n));

/**
 * Where an instant falls in the office: its day (`YYYY-MM-DD`), weekday (0 = Sunday), minute of
 * day. The same as Intl's reading (office-hours.test.ts compares them), from two readings per
 * zone and hour instead of one per entry: the rules ask this for most entries they see.
 */
export const officeMoment = (ms: number, timeZone: string): OfficeMoment => {
  const offset = hourOffset(Math.floor(ms / HOUR), timeZone);
  if (offset === null) return momentByFormatter(ms, timeZone);
  const local = new Date(ms + offset);
  return {
    day: `${String(local.getUTCFullYear())}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
    weekday: local.getUTCDay(),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
};

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** Per weekday (0 = Sunday): the open minutes [from, to) widened by the grace; null when closed. */
export type OfficeHours = readonly ({ from: number; to: number } | null)[];

/** The settings' office hours as minutes of the day: read once per batch, not once per entry. */
export const officeHoursOf = (s: AlertRuleSettings): OfficeHours =>
  WEEKDAY_KEYS.map((k) => {
    const hours = s[k];
    if (hours === '') return null;
    const [from = '', to = ''] = hours.split('-');
    return { from: minutesOf(from) - s.hoursGraceMinutes, to: minutesOf(to) + s.hoursGraceMinutes };
  });

/** True when `ms` is within that weekday's office hours (widened by the grace) in the office. */
export const withinOfficeHours = (ms: number, timeZone: string, hours: OfficeHours): boolean => {
  const { weekday, minute } = officeMoment(ms, timeZone);
  const open = weekday >= 0 && weekday < 7 ? hours[weekday] : hours[0];
  return open ? minute >= open.from && minute < open.to : false;
};
