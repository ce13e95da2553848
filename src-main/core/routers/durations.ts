const UNITS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };

/**
 * RouterOS durations (`1w2d3h4m5s`, also `00:05:00` and `2d03:04:05` on some versions) → whole
 * seconds; null when the text is not a duration.
 */
export const parseRouterDuration = (text: string): number | null => {
  const t = text.trim();
  if (t === '') return null;
  const clock = /^(?:(\d+)d)?(\d+):(\d{2}):(\d{2})$/.exec(t);
  if (clock) {
    const [, d, h, m, s] = clock;
    return Number(d ?? 0) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s);
  }
  if (!/^(\d+[wdhms])+$/.test(t)) return null;
  let total = 0;
  for (const [, n, unit] of t.matchAll(/(\d+)([wdhms])/g)) {
    total += Number(n) * (UNITS[unit ?? 's'] ?? 0);
  }
  return total;
};

/** Seconds → "3d 4h", "2h 5m", "45s": the two largest units, for log descriptions. */
export const formatSpan = (seconds: number): string => {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${String(n)}${unit}`);
  }
  return parts.length === 0 ? '0s' : parts.slice(0, 2).join(' ');
};
