const COUNT = new Intl.NumberFormat('en-US');

// Times: `useOfficeClock()` (lib/office-time.ts), always in the office's zone.

export const formatNumber = (n: number): string => COUNT.format(n);

/** "1 entry", "1,234 entries", or "10,000+ entries" when the server stopped counting. */
export const formatEntryCount = (count: number, capped: boolean): string =>
  `${formatNumber(count)}${capped ? '+' : ''} ${count === 1 && !capped ? 'entry' : 'entries'}`;

/** Words for enum values such as `auto_sync` or `health_check`. */
export const humanize = (value: string): string => {
  const words = value.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
