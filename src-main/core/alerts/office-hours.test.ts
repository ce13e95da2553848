import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from './alert-settings';
import { officeHoursOf, officeMoment, withinOfficeHours } from './office-hours';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Intl's own reading of an instant (through another locale's format): what officeMoment must equal. */
const byIntl = (ms: number, timeZone: string) => {
  // sv-SE writes `2030-01-15 09:00:00`.
  const [day = '', time = ''] = new Date(ms).toLocaleString('sv-SE', { timeZone }).split(' ');
  const [h = '', m = ''] = time.split(':');
  const weekday = new Date(ms).toLocaleString('en-US', { timeZone, weekday: 'short' });
  return {
    day,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekday),
    minute: Number(h) * 60 + Number(m),
  };
};

/** Instants every 7 min 13 s across `days` from `from`: every minute of the hour, odd seconds. */
const instants = (from: number, days: number): number[] => {
  const out: number[] = [];
  for (let t = from; t < from + days * DAY; t += 7 * MINUTE + 13_000) out.push(t);
  return out;
};

describe('officeMoment', () => {
  it.each([
    // Daylight saving on the hour (US, EU), at half past in UTC (Lord Howe: 30-minute shifts).
    ['America/New_York', Date.UTC(2030, 2, 8), 4],
    ['America/New_York', Date.UTC(2030, 10, 1), 4],
    ['Europe/Berlin', Date.UTC(2030, 2, 29), 4],
    ['Australia/Lord_Howe', Date.UTC(2030, 3, 4), 4],
    ['Australia/Lord_Howe', Date.UTC(2030, 9, 3), 4],
    // Quarter-hour offsets; Kathmandu moved from +05:30 to +05:45 at a quarter to midnight UTC.
    ['Asia/Kathmandu', Date.UTC(1985, 11, 30), 4],
    ['America/St_Johns', Date.UTC(2030, 2, 8), 4],
    // Offsets with seconds: Monrovia at -00:44:30 until 1972, Amsterdam at +00:19:32 in 1937.
    ['Africa/Monrovia', Date.UTC(1972, 0, 5), 4],
    ['Europe/Amsterdam', Date.UTC(1937, 5, 29), 4],
    ['Africa/Nairobi', Date.UTC(2030, 0, 14), 3],
    ['UTC', Date.UTC(2030, 0, 14), 3],
  ])('%s from %d reads as Intl does, across its transitions', (zone, from, days) => {
    for (const t of instants(from, days))
      expect(officeMoment(t, zone), String(t)).toEqual(byIntl(t, zone));
  });

  it('reads the last second before a mid-hour transition and the first one after it as Intl does', () => {
    // Lord Howe enters daylight saving at 02:00 +10:30 on 2030-10-06: 15:30 UTC the day before.
    const enter = Date.UTC(2030, 9, 5, 15, 30);
    expect([
      byIntl(enter - 1_000, 'Australia/Lord_Howe').minute,
      byIntl(enter, 'Australia/Lord_Howe').minute,
    ]).toEqual([119, 150]);
    for (const t of [enter - 1_000, enter - 1, enter, enter + 1, enter + 60_000]) {
      expect(officeMoment(t, 'Australia/Lord_Howe')).toEqual(byIntl(t, 'Australia/Lord_Howe'));
    }
  });
});

describe('withinOfficeHours', () => {
  it('follows the weekday hours and the grace of the settings', () => {
    const hours = officeHoursOf(DEFAULT_ALERT_RULES); // Mon–Fri 08:00–18:00, Sat 09:00–13:00, ±30 min
    const tuesday = Date.UTC(2030, 0, 15);
    const at = (day: number, h: number, m = 0) => tuesday + day * DAY + (h * 60 + m) * MINUTE;
    expect(withinOfficeHours(at(0, 7, 29), 'UTC', hours)).toBe(false);
    expect(withinOfficeHours(at(0, 7, 30), 'UTC', hours)).toBe(true);
    expect(withinOfficeHours(at(0, 18, 29), 'UTC', hours)).toBe(true);
    expect(withinOfficeHours(at(0, 18, 30), 'UTC', hours)).toBe(false);
    expect(withinOfficeHours(at(4, 13, 29), 'UTC', hours)).toBe(true); // Saturday
    expect(withinOfficeHours(at(4, 13, 30), 'UTC', hours)).toBe(false);
    expect(withinOfficeHours(at(5, 12, 0), 'UTC', hours)).toBe(false); // Sunday: closed
    // 17:00 UTC on a Tuesday is 20:00 in Nairobi.
    expect(withinOfficeHours(at(0, 17), 'Africa/Nairobi', hours)).toBe(false);
  });
});
