/** A cell's fill: the theme colour, stronger the nearer `n` is to the busiest cell. */
export const heatFill = (n: number, max: number, color = 'blue'): string => {
  if (n <= 0 || max <= 0) return 'transparent';
  const pct = Math.round(15 + (85 * n) / max);
  return `color-mix(in srgb, var(--mantine-color-${color}-6) ${String(pct)}%, transparent)`;
};

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `09:00–10:00` for office hour 9. */
export const hourSpan = (hour: number): string => `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
