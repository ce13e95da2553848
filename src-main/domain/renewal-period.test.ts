import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { extendBy, isExpired, renewalPeriod } from './renewal-period';

const MONTH = { unit: 'months', count: 1 } as const;
const local = (tz: string, ...p: [number, number, number, number?, number?]) =>
  new TZDate(p[0], p[1] - 1, p[2], p[3] ?? 0, p[4] ?? 0, tz).getTime();
const show = (ms: number, tz: string) => new TZDate(ms, tz).toISOString();

describe('renewal period', () => {
  it.each([
    ['leap year', 2024, 2, 29],
    ['common year', 2025, 2, 28],
    ['century, not a leap year', 2100, 2, 28],
    ['400th year, a leap year', 2000, 2, 29],
  ])('Jan 31 + 1 month lands on the last day of February (%s)', (_l, year, month, day) => {
    const tz = 'Africa/Nairobi';
    const jan31 = local(tz, year, 1, 31, 18, 30);
    expect(extendBy(jan31, MONTH, 1, tz)).toBe(local(tz, year, month, day, 18, 30));
  });

  it('counts several months from the anchor at once, so month ends do not drift', () => {
    const tz = 'UTC';
    const jan31 = local(tz, 2025, 1, 31, 12);
    expect(extendBy(jan31, MONTH, 3, tz)).toBe(local(tz, 2025, 4, 30, 12));
    expect(extendBy(jan31, { unit: 'months', count: 2 }, 1, tz)).toBe(local(tz, 2025, 3, 31, 12));
    expect(extendBy(local(tz, 2024, 2, 29), { unit: 'months', count: 12 }, 1, tz)).toBe(
      local(tz, 2025, 2, 28),
    );
  });

  it('keeps the wall-clock time across a DST change (a 23-hour and a 25-hour day)', () => {
    const tz = 'America/New_York';
    const before = local(tz, 2024, 3, 9, 20);
    const after = extendBy(before, { unit: 'days', count: 1 }, 1, tz);
    expect(show(after, tz)).toBe('2024-03-10T20:00:00.000-04:00');
    expect(after - before).toBe(23 * 3_600_000);
    const autumn = local(tz, 2024, 11, 2, 9);
    expect(extendBy(autumn, { unit: 'days', count: 30 }, 1, tz) - autumn).toBe(
      (30 * 24 + 1) * 3_600_000,
    );
  });

  it('reckons month ends in the office time zone, not in UTC', () => {
    // 23:30 on Jan 31 in Auckland is still Jan 31 in UTC (10:30); in Honolulu it is Feb 1 in UTC.
    const akl = local('Pacific/Auckland', 2025, 1, 31, 23, 30);
    expect(show(extendBy(akl, MONTH, 1, 'Pacific/Auckland'), 'Pacific/Auckland')).toBe(
      '2025-02-28T23:30:00.000+13:00',
    );
    const hnl = local('Pacific/Honolulu', 2025, 1, 31, 23, 30);
    expect(new Date(hnl).toISOString()).toBe('2025-02-01T09:30:00.000Z');
    expect(show(extendBy(hnl, MONTH, 1, 'Pacific/Honolulu'), 'Pacific/Honolulu')).toBe(
      '2025-02-28T23:30:00.000-10:00',
    );
    // The same instant counted on a UTC calendar would give Mar 1.
    expect(new Date(extendBy(hnl, MONTH, 1, 'UTC')).toISOString()).toBe('2025-03-01T09:30:00.000Z');
  });

  it('starts from the later of now and the current expiry', () => {
    const tz = 'UTC';
    const now = local(tz, 2025, 5, 10, 9);
    const lapsed = renewalPeriod({
      now,
      expiresAt: now - 86_400_000 * 20,
      validity: MONTH,
      periods: 1,
      timeZone: tz,
    });
    expect(lapsed).toEqual({ start: now, end: local(tz, 2025, 6, 10, 9) });
    const early = local(tz, 2025, 5, 31, 0);
    expect(
      renewalPeriod({ now, expiresAt: early, validity: MONTH, periods: 1, timeZone: tz }),
    ).toEqual({
      start: early,
      end: local(tz, 2025, 6, 30, 0),
    });
  });

  it('counts a client as expired by status, or when active and past the expiry', () => {
    const now = Date.UTC(2025, 4, 10);
    expect(isExpired({ status: 'expired', expiresAt: now + 1 }, now)).toBe(true);
    expect(isExpired({ status: 'active', expiresAt: now }, now)).toBe(true);
    expect(isExpired({ status: 'active', expiresAt: now + 1 }, now)).toBe(false);
    // Suspended and disabled are staff decisions: a renewal does not undo them.
    expect(isExpired({ status: 'suspended', expiresAt: now - 1 }, now)).toBe(false);
    expect(isExpired({ status: 'disabled', expiresAt: now - 1 }, now)).toBe(false);
  });
});
