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
    });
    formatters.set(timeZone, f);
  }
  return f;
};

/** Where an instant falls in the office: its day (`YYYY-MM-DD`), weekday (0 = Sunday), minute of day. */
export const officeMoment = (ms: number, timeZone: string) => {
  const parts: Record<string, string> = {};
  for (const p of formatterOf(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    day: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
};

const minutesOf = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** True when `ms` is within that weekday's office hours (widened by the grace) in the office. */
export const withinOfficeHours = (ms: number, timeZone: string, s: AlertRuleSettings): boolean => {
  const { weekday, minute } = officeMoment(ms, timeZone);
  const hours = s[WEEKDAY_KEYS[weekday] ?? 'hoursSun'];
  if (hours === '') return false;
  const [from = '', to = ''] = hours.split('-');
  return (
    minute >= minutesOf(from) - s.hoursGraceMinutes && minute < minutesOf(to) + s.hoursGraceMinutes
  );
};
