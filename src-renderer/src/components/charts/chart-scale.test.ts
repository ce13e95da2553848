import { describe, expect, it } from 'vitest';
import { compactNumber, niceTicks } from './chart-scale';

describe('chart ticks', () => {
  it.each([
    [0, 100, 4, [0, 50, 100]],
    [0, 87, 4, [0, 50, 100]],
    [0, 87, 8, [0, 20, 40, 60, 80, 100]],
    [-30, 120, 4, [-50, 0, 50, 100, 150]],
    [0, 0, 4, [0, 1]],
    [0, 0.3, 3, [0, 0.1, 0.2, 0.3]],
    [0, 1_234_567, 4, [0, 500_000, 1_000_000, 1_500_000]],
  ])('from %d to %d in about %d steps: %j', (min, max, count, ticks) => {
    expect(niceTicks(min, max, count)).toEqual(ticks);
  });

  it('always covers the values and zero', () => {
    const t = niceTicks(40, 90);
    expect(t[0]).toBeLessThanOrEqual(0);
    expect(t.at(-1)).toBeGreaterThanOrEqual(90);
  });

  it('labels axes compactly', () => {
    expect([compactNumber(1_500), compactNumber(2_000_000), compactNumber(0.5)]).toEqual([
      '1.5K',
      '2M',
      '0.5',
    ]);
  });
});
