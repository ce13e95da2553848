import { extendBy, type Validity } from '../shared/office-time';

/**
 * The period a renewal buys: from the later of now and the current expiry (so early renewals
 * lose no days and late ones do not pay for time already gone), `periods` × the plan's
 * validity further, counted on the office's calendar.
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
