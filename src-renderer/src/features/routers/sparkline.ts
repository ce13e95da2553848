/**
 * SVG polyline points for a series of percentages (0–100) across `width` × `height`; gaps (null)
 * split the line into segments. One point alone is drawn as a flat dash.
 */
export function sparklineSegments(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string[] {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => (height - (Math.min(100, Math.max(0, v)) / 100) * height).toFixed(1);
  const segments: string[][] = [];
  let current: string[] | null = null;
  values.forEach((v, i) => {
    if (v === null) {
      current = null;
      return;
    }
    if (!current) segments.push((current = []));
    current.push(`${(i * step).toFixed(1)},${y(v)}`);
  });
  return segments.map((points) => {
    if (points.length > 1 || values.length > 1) return points.join(' ');
    const [, yy] = (points[0] ?? '0,0').split(',');
    return `0,${yy ?? '0'} ${width.toFixed(1)},${yy ?? '0'}`;
  });
}
