import { describe, expect, it } from 'vitest';
import { officeDayBound } from './office-days';

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
