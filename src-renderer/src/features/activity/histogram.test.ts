import { describe, expect, it } from 'vitest';
import type { ActivityHistogram } from '@contract/schemas/activity';
import { bucketLabel, dragToRange, fractionAt, histogramLayout } from './histogram';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 15, 0);

/** Ten one-hour buckets; the histogram's own range starts 30 min in and ends 30 min early. */
const hist = (overrides: Partial<ActivityHistogram> = {}): ActivityHistogram => ({
  from: T0 + HOUR / 2,
  to: T0 + 10 * HOUR - HOUR / 2,
  bucketMs: HOUR,
  buckets: Array.from({ length: 10 }, (_, i) => ({
    start: T0 + i * HOUR,
    system: i,
    user: 2 * i,
    administrative: 0,
  })),
  exact: true,
  ...overrides,
});

describe('dragToRange (histogram drag → date range)', () => {
  it('widens a drag to the whole buckets it touches', () => {
    expect(dragToRange(hist(), 0.25, 0.55)).toEqual({ from: T0 + 2 * HOUR, to: T0 + 6 * HOUR - 1 });
  });

  it('gives the same range whichever way the drag went', () => {
    expect(dragToRange(hist(), 0.55, 0.25)).toEqual(dragToRange(hist(), 0.25, 0.55));
  });

  it('does not take in a bucket whose left edge the drag just reached', () => {
    expect(dragToRange(hist(), 0.2, 0.4)).toEqual({ from: T0 + 2 * HOUR, to: T0 + 4 * HOUR - 1 });
  });

  it('zooms into the bucket under a click', () => {
    expect(dragToRange(hist(), 0.31, 0.31)).toEqual({ from: T0 + 3 * HOUR, to: T0 + 4 * HOUR - 1 });
  });

  it("stays inside the histogram's range at both ends", () => {
    expect(dragToRange(hist(), -0.5, 1.5)).toEqual({
      from: T0 + HOUR / 2,
      to: T0 + 10 * HOUR - HOUR / 2,
    });
  });

  it('has nothing to zoom into without buckets', () => {
    expect(dragToRange(hist({ buckets: [] }), 0, 1)).toBeNull();
  });
});

describe('fractionAt', () => {
  it('measures across the element and clamps outside it', () => {
    expect(fractionAt(150, { left: 100, width: 200 })).toBe(0.25);
    expect(fractionAt(50, { left: 100, width: 200 })).toBe(0);
    expect(fractionAt(500, { left: 100, width: 200 })).toBe(1);
    expect(fractionAt(500, { left: 0, width: 0 })).toBe(0);
  });
});

describe('histogramLayout', () => {
  it('stacks types with system at the bottom and scales to the tallest bar', () => {
    const { bars, max } = histogramLayout(hist());
    expect(max).toBe(27);
    const last = bars[9];
    expect(last?.total).toBe(27);
    expect(last?.segments.map((s) => s.type)).toEqual(['system', 'user']);
    expect(last?.segments[0]?.y).toBeCloseTo(1 - 9 / 27);
    expect(last?.segments[0]?.height).toBeCloseTo(9 / 27);
    expect(last?.segments[1]?.y).toBeCloseTo(0);
    expect(last?.segments[1]?.height).toBeCloseTo(18 / 27);
    expect(bars[0]?.segments).toEqual([]);
  });

  it('marks buckets the server did not count', () => {
    const h = hist();
    const first = h.buckets[0];
    if (first) first.user = null;
    expect(histogramLayout(h).bars[0]?.total).toBeNull();
  });
});

describe('bucketLabel', () => {
  it('names the bucket size', () => {
    expect(bucketLabel(HOUR)).toBe('per hour');
    expect(bucketLabel(3 * 86_400_000)).toBe('per 3 days');
  });
});
