import { ACTIVITY_TYPES } from '@contract/schemas/activity';
import type { ActivityHistogram, ActivityType } from '@contract/schemas/activity';
import { per } from '@domain/plural';

export type BarSegment = { type: ActivityType; count: number; y: number; height: number };
/** One bucket drawn in a 0…1 × 0…1 box (y grows downwards, as in SVG). */
export type HistogramBar = {
  start: number;
  end: number;
  x: number;
  width: number;
  /** Null when the server ran out of time before counting this bucket. */
  total: number | null;
  segments: BarSegment[];
};

/** Bars stacked by type (system at the bottom), scaled so that the tallest fills the box. */
export function histogramLayout(h: ActivityHistogram): { bars: HistogramBar[]; max: number } {
  const n = h.buckets.length;
  const totals = h.buckets.map((b) =>
    ACTIVITY_TYPES.some((t) => b[t] === null)
      ? null
      : ACTIVITY_TYPES.reduce((sum, t) => sum + (b[t] ?? 0), 0),
  );
  const max = Math.max(0, ...totals.map((t) => t ?? 0));
  const bars = h.buckets.map((b, i) => {
    let y = 1;
    const segments: BarSegment[] = [];
    for (const type of ACTIVITY_TYPES) {
      const count = b[type] ?? 0;
      if (count <= 0 || max === 0) continue;
      const height = count / max;
      y -= height;
      segments.push({ type, count, y, height });
    }
    return {
      start: b.start,
      end: b.start + h.bucketMs - 1,
      x: i / n,
      width: 1 / n,
      total: totals[i] ?? null,
      segments,
    };
  });
  return { bars, max };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Where a pointer is across an element, from 0 (left edge) to 1 (right edge). */
export const fractionAt = (clientX: number, box: { left: number; width: number }): number =>
  box.width > 0 ? clamp((clientX - box.left) / box.width, 0, 1) : 0;

/**
 * The time range covered by a drag across the histogram, from one fraction of its width to another
 * (either direction), widened to whole buckets and kept inside the histogram's own range. A click
 * (no movement) selects the bucket under the pointer. Null when there is nothing to zoom into.
 */
export function dragToRange(
  h: ActivityHistogram,
  a: number,
  b: number,
): { from: number; to: number } | null {
  const n = h.buckets.length;
  if (n === 0) return null;
  const lo = clamp(Math.min(a, b), 0, 1);
  const hi = clamp(Math.max(a, b), 0, 1);
  const first = clamp(Math.floor(lo * n), 0, n - 1);
  // A drag that ends exactly on a bucket's left edge does not take that bucket in.
  const last = Math.max(first, clamp(Math.ceil(hi * n) - 1, 0, n - 1));
  const start = h.buckets[first]?.start;
  const end = h.buckets[last]?.start;
  if (start === undefined || end === undefined) return null;
  const from = Math.max(start, h.from);
  const to = Math.min(end + h.bucketMs - 1, h.to);
  return to >= from ? { from, to } : null;
}

/** "per hour", "per 2 days"… for the histogram's caption. */
export function bucketLabel(bucketMs: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [ms, name] of units) {
    if (bucketMs >= ms && bucketMs % ms === 0) {
      const n = bucketMs / ms;
      return per(n, name);
    }
  }
  return `per ${String(bucketMs)} ms`;
}
