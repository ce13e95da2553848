import { format, formatDistanceToNowStrict } from 'date-fns';

const COUNT = new Intl.NumberFormat('en-US');

/** Local date and time with seconds, e.g. `2025-03-14 09:26:53`. */
export const formatDateTime = (ms: number): string => format(ms, 'yyyy-MM-dd HH:mm:ss');

/** Local date and time without seconds, for less precise columns. */
export const formatDateTimeShort = (ms: number): string => format(ms, 'yyyy-MM-dd HH:mm');

export const formatRelative = (ms: number): string =>
  formatDistanceToNowStrict(ms, { addSuffix: true });

export const formatNumber = (n: number): string => COUNT.format(n);

/** "1 entry", "1,234 entries", or "10,000+ entries" when the server stopped counting. */
export const formatEntryCount = (count: number, capped: boolean): string =>
  `${formatNumber(count)}${capped ? '+' : ''} ${count === 1 && !capped ? 'entry' : 'entries'}`;

/** Words for enum values such as `auto_sync` or `health_check`. */
export const humanize = (value: string): string => {
  const words = value.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
