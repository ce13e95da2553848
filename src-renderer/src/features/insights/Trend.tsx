import type { OfficeClock } from '../../lib/office-time';
import { sparklineSegments } from '../routers/sparkline';

const W = 160;
const H = 28;

/**
 * A small line of values over the range's buckets (hours or office days), scaled to its own
 * highest value; a bucket with nothing in it is a gap.
 */
export function Trend({
  values,
  label,
  color = 'blue',
}: {
  values: readonly (number | null)[];
  label: string;
  color?: string;
}) {
  const top = Math.max(1, ...values.map((v) => v ?? 0));
  const scaled = values.map((v) => (v === null ? null : (v / top) * 100));
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${String(W)} ${String(H)}`}
      width={W}
      height={H}
      preserveAspectRatio="none"
    >
      {sparklineSegments(scaled, W, H).map((points, i) => (
        <polyline
          key={i}
          points={points}
          fill="none"
          stroke={`var(--mantine-color-${color}-6)`}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}

/** One value per bucket of the range, oldest first (null where the series has no point). */
export const perBucket = <P extends { from: number }>(
  points: readonly P[],
  starts: readonly number[],
  value: (p: P) => number | null,
): (number | null)[] => {
  const at = new Map(points.map((p) => [p.from, p]));
  return starts.map((s) => {
    const p = at.get(s);
    return p === undefined ? null : value(p);
  });
};

const HOUR = 3_600_000;

/** The starts of the range's buckets: each hour, or each office day's first millisecond. */
export const bucketStarts = (
  r: { from: number; to: number; bucket: 'hour' | 'day' },
  clock: Pick<OfficeClock, 'parts' | 'at'>,
): number[] => {
  const out: number[] = [];
  if (r.bucket === 'hour') {
    for (let h = Math.floor(r.from / HOUR) * HOUR; h <= r.to && out.length < 10_000; h += HOUR) {
      out.push(h);
    }
    return out;
  }
  let { y, month, d } = clock.parts(r.from);
  while (out.length < 400) {
    const midnight = clock.at(y, month, d);
    // A day whose midnight a clock change skips starts an hour later.
    const start = Number.isNaN(midnight) ? clock.at(y, month, d, 1) : midnight;
    if (start > r.to) break;
    out.push(start);
    ({ y, month, d } = clock.parts(start + 36 * HOUR));
  }
  return out;
};
