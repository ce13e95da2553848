import { describe, expect, it } from 'vitest';
import { officeDayBound, officeHourOf, zonedIsoTime } from './office-time';

describe('officeDayBound', () => {
  it('reads a day as the office lives it, whatever the machine zone', () => {
    expect(officeDayBound('2030-01-15', 'Africa/Nairobi', false)).toBe(Date.UTC(2030, 0, 14, 21));
    expect(officeDayBound('2030-01-15', 'Africa/Nairobi', true)).toBe(
      Date.UTC(2030, 0, 15, 21) - 1,
    );
    // A day of 23 hours (clocks forward in New York on 2030-03-10).
    const from = officeDayBound('2030-03-10', 'America/New_York', false) ?? 0;
    const to = officeDayBound('2030-03-10', 'America/New_York', true) ?? 0;
    expect(to + 1 - from).toBe(23 * 3_600_000);
  });

  it('refuses what is not a date', () => {
    expect(officeDayBound('2030-02-31', 'UTC', false)).toBeNull();
    expect(officeDayBound('15/01/2030', 'UTC', false)).toBeNull();
    expect(officeDayBound('', 'UTC', true)).toBeNull();
  });
});

describe('zonedIsoTime', () => {
  it('writes the office time with milliseconds and offset, as date-fns would', () => {
    const at = Date.UTC(2026, 11, 7, 12, 0, 13, 147);
    expect(zonedIsoTime(at, 'Africa/Nairobi')).toBe('2026-12-07T15:00:13.147+03:00');
    expect(zonedIsoTime(at, 'UTC')).toBe('2026-12-07T12:00:13.147+00:00');
    expect(zonedIsoTime(at, 'America/St_Johns')).toBe('2026-12-07T08:30:13.147-03:30');
    // Either side of a daylight-saving change (New York, 2030-03-10 07:00 UTC).
    expect(zonedIsoTime(Date.UTC(2030, 2, 10, 6, 59, 59, 999), 'America/New_York')).toBe(
      '2030-03-10T01:59:59.999-05:00',
    );
    expect(zonedIsoTime(Date.UTC(2030, 2, 10, 7), 'America/New_York')).toBe(
      '2030-03-10T03:00:00.000-04:00',
    );
  });
});

describe('officeHourOf', () => {
  it("names the office's day, weekday (Monday first) and hour of an instant", () => {
    // Tuesday 2030-01-15 22:30 UTC is Wednesday 01:30 in Nairobi.
    expect(officeHourOf(Date.UTC(2030, 0, 15, 22, 30), 'Africa/Nairobi')).toEqual({
      day: '2030-01-16',
      weekday: 2,
      hour: 1,
    });
    expect(officeHourOf(Date.UTC(2030, 0, 20, 12), 'UTC')).toEqual({
      day: '2030-01-20',
      weekday: 6,
      hour: 12,
    });
    // Across the change to summer time in New York: 01:30 EST, then 03:30 EDT.
    expect(officeHourOf(Date.UTC(2030, 2, 10, 6, 30), 'America/New_York').hour).toBe(1);
    expect(officeHourOf(Date.UTC(2030, 2, 10, 7, 30), 'America/New_York').hour).toBe(3);
    // Half an hour off UTC: 03:45 UTC is 09:15 in Kolkata.
    expect(officeHourOf(Date.UTC(2030, 0, 14, 3, 45), 'Asia/Kolkata')).toMatchObject({
      weekday: 0,
      hour: 9,
    });
  });
});
