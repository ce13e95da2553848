import { TZDate } from '@date-fns/tz';
import { addDays, addMonths } from 'date-fns';

/** How long one period of a plan lasts. */
export type Validity = { unit: 'days' | 'months'; count: number };

/**
 * `ms` moved forward by `periods` × the validity, as the office's calendar counts it. Days start
 * at local midnight, so a day may be 23 or 25 hours long across a DST change; adding months keeps
 * the wall-clock time and clamps to the month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in
 * a leap year). Several periods are counted from the anchor at once, so month ends do not drift.
 */
export const extendBy = (ms: number, validity: Validity, periods: number, tz: string): number => {
  const start = new TZDate(ms, tz);
  const n = validity.count * periods;
  return (validity.unit === 'days' ? addDays(start, n) : addMonths(start, n)).getTime();
};

/**
 * The period a renewal buys: from the later of now and the current expiry (so early renewals
 * lose no days and late ones do not pay for time already gone), `periods` × the plan's
 * validity further, counted on the office's calendar. The core charges by it; the renderer
 * previews it.
 */
export const renewalPeriod = (opts: {
  now: number;
  expiresAt: number;
  validity: Validity;
  periods: number;
  timeZone: string;
}): { start: number; end: number } => {
  const start = Math.max(opts.now, opts.expiresAt);
  return { start, end: extendBy(start, opts.validity, opts.periods, opts.timeZone) };
};

/**
 * Expired by status or by date, or never paid: such a client is (re)activated by a renewal, and a
 * payment renews by default.
 */
export const isExpired = (c: { status: string; expiresAt: number }, now: number): boolean =>
  c.status === 'expired' ||
  c.status === 'awaiting_payment' ||
  (c.status === 'active' && c.expiresAt <= now);

const DAY_MS = 86_400_000;

/**
 * When expiry processing expires a client whose service ended at `expiresAt`: the plan's grace
 * days later, in whole 24-hour days as the expiry job counts them; null without grace.
 */
export const graceEnd = (expiresAt: number, graceDays: number): number | null =>
  graceDays > 0 ? expiresAt + graceDays * DAY_MS : null;
