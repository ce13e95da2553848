import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveTail } from './live-tail';

describe('live tail batching', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first notice at once and coalesces a burst into one notice per interval', async () => {
    const sent: { lastId: number; count: number }[] = [];
    const tail = createLiveTail({ intervalMs: 500, emit: (b) => sent.push(b) });

    tail.recorded(1, 1);
    expect(sent).toEqual([{ lastId: 1, count: 1 }]);

    for (let id = 2; id <= 1001; id++) tail.recorded(id, 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      { lastId: 1, count: 1 },
      { lastId: 1001, count: 1000 },
    ]);

    // A steady stream: never more than one notice per interval.
    for (let t = 0; t < 3000; t += 50) {
      tail.recorded(2000 + t, 2);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(sent.length).toBeLessThanOrEqual(2 + 3000 / 500 + 1);
    expect(sent.slice(2).reduce((n, b) => n + b.count, 0)).toBe(120);
  });

  it('sends nothing after stop', async () => {
    const sent: unknown[] = [];
    const tail = createLiveTail({ intervalMs: 500, emit: (b) => sent.push(b) });
    tail.recorded(1, 1);
    tail.recorded(2, 1);
    tail.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
  });
});
