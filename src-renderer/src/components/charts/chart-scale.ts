/**
 * Axis ticks for the app's small SVG charts (no chart library): round values ("nice numbers",
 * steps of 1, 2 or 5 × 10ⁿ) from at or below `min` to at or above `max`, about `count` of them.
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(min, max, 0);
  const hi = Math.max(min, max, 0);
  if (hi === lo) return [lo, lo + 1];
  const rough = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (v >= hi) break;
  }
  return ticks;
}

const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A short axis label: 1.2K, 35M, 0.5. */
export const compactNumber = (n: number): string => COMPACT.format(n);
