import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityRecorded } from '../../contract/schemas/activity';
import { createLiveTail } from './live-tail';

describe('live tail batching', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first notice at once and coalesces a burst into one notice per interval', async () => {
    const sent: ActivityRecorded[] = [];
    const tail = createLiveTail({ intervalMs: 500, emit: (b) => sent.push(b) });

    tail.recorded({ client: { lastId: 1, count: 1 } });
    expect(sent).toEqual([
      { lastId: 1, count: 1, categories: { client: { lastId: 1, count: 1 } } },
    ]);

    for (let id = 2; id <= 1001; id++) {
      tail.recorded(
        id % 2 ? { financial: { lastId: id, count: 1 } } : { client: { lastId: id, count: 1 } },
      );
    }
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent[1]).toEqual({
      lastId: 1001,
      count: 1000,
      categories: { client: { lastId: 1000, count: 500 }, financial: { lastId: 1001, count: 500 } },
    });

    // A steady stream: never more than one notice per interval.
    for (let t = 0; t < 3000; t += 50) {
      tail.recorded({ network: { lastId: 2000 + t, count: 2 } });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(sent.length).toBeLessThanOrEqual(2 + 3000 / 500 + 1);
    expect(sent.slice(2).reduce((n, b) => n + b.count, 0)).toBe(120);
  });

  it('sends nothing after stop', async () => {
    const sent: unknown[] = [];
    const tail = createLiveTail({ intervalMs: 500, emit: (b) => sent.push(b) });
    tail.recorded({ client: { lastId: 1, count: 1 } });
    tail.recorded({ client: { lastId: 2, count: 1 } });
    tail.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
  });
});
