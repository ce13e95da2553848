import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCapturingLogger } from '../test-support/test-core';
import { createScheduler } from './scheduler';

const PERIOD = 60_000;

/** A promise to resolve by hand: a task that takes as long as the test says. */
const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const make = () => {
    const logger = createCapturingLogger();
    return { logger, scheduler: createScheduler({ logger, now: () => Date.now() }) };
  };

  it('runs a job once per period, on schedule', async () => {
    const { scheduler } = make();
    const runs: number[] = [];
    const start = Date.now();
    scheduler.every('tick', PERIOD, () => {
      runs.push(Date.now() - start);
    });
    await vi.advanceTimersByTimeAsync(PERIOD - 1);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([PERIOD]);
    await vi.advanceTimersByTimeAsync(3 * PERIOD);
    expect(runs).toEqual([PERIOD, 2 * PERIOD, 3 * PERIOD, 4 * PERIOD]);
    await scheduler.stop();
  });

  it('never overlaps a slow run and skips the slots it missed', async () => {
    const { scheduler } = make();
    const start = Date.now();
    const starts: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const slow = deferred();
    scheduler.every('slow', PERIOD, async () => {
      starts.push(Date.now() - start);
      running++;
      maxRunning = Math.max(maxRunning, running);
      if (starts.length === 1) await slow.promise;
      running--;
    });

    await vi.advanceTimersByTimeAsync(PERIOD); // first run starts and hangs
    expect(starts).toEqual([PERIOD]);
    await vi.advanceTimersByTimeAsync(2.5 * PERIOD); // slots 2 and 3 pass while it runs
    expect(starts).toEqual([PERIOD]);
    slow.resolve(); // finishes at 3.5 periods
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([PERIOD]); // no burst to catch up
    await vi.advanceTimersByTimeAsync(0.5 * PERIOD);
    expect(starts).toEqual([PERIOD, 4 * PERIOD]); // back on the original grid
    await vi.advanceTimersByTimeAsync(PERIOD);
    expect(starts).toEqual([PERIOD, 4 * PERIOD, 5 * PERIOD]);
    expect(maxRunning).toBe(1);
    await scheduler.stop();
  });

  it('does not drift when the event loop was blocked', async () => {
    const { scheduler } = make();
    const start = Date.now();
    const starts: number[] = [];
    scheduler.every('tick', PERIOD, () => {
      starts.push(Date.now() - start);
      if (starts.length === 1) vi.setSystemTime(Date.now() + 2.2 * PERIOD); // a long blocking pause
    });
    await vi.advanceTimersByTimeAsync(PERIOD);
    expect(starts).toEqual([PERIOD]);
    await vi.advanceTimersByTimeAsync(0.8 * PERIOD);
    expect(starts).toEqual([PERIOD, 4 * PERIOD]);
    await scheduler.stop();
  });

  it('keeps running after a task fails, and logs the failure', async () => {
    const { scheduler, logger } = make();
    let n = 0;
    scheduler.every('flaky', PERIOD, () => {
      n++;
      if (n === 1) throw new Error('router unreachable');
      return Promise.reject(new Error('still unreachable'));
    });
    await vi.advanceTimersByTimeAsync(3 * PERIOD);
    expect(n).toBe(3);
    expect(logger.lines.map((l) => [l.level, l.message, l.fields])).toEqual([
      ['error', 'scheduled task flaky failed', { error: 'router unreachable' }],
      ['error', 'scheduled task flaky failed', { error: 'still unreachable' }],
      ['error', 'scheduled task flaky failed', { error: 'still unreachable' }],
    ]);
    await scheduler.stop();
  });

  it('stop() aborts the running task, waits for it, and nothing runs afterwards', async () => {
    const { scheduler, logger } = make();
    const events: string[] = [];
    let other = 0;
    scheduler.every('long', PERIOD, async (signal) => {
      events.push('started');
      await new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => {
          events.push('aborted');
          // Cleaning up takes a moment after the abort.
          setTimeout(() => {
            events.push('cleaned up');
            reject(new Error('aborted'));
          }, 1_000);
        });
        if (signal.aborted) resolve();
      });
    });
    scheduler.every('other', PERIOD / 2, () => {
      other++;
    });
    await vi.advanceTimersByTimeAsync(PERIOD);
    expect(events).toEqual(['started']);
    expect(other).toBe(2);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['started', 'aborted']);
    expect(stopped).toBe(false); // still waiting for the task to finish
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;
    expect(events).toEqual(['started', 'aborted', 'cleaned up']);
    expect(stopped).toBe(true);

    await vi.advanceTimersByTimeAsync(10 * PERIOD);
    expect(events).toHaveLength(3);
    expect(other).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    // A task that fails because it was aborted is not an error worth logging.
    expect(logger.lines).toEqual([]);
  });

  it('adds jitter after each slot, never before it, and stays on the grid', async () => {
    const logger = createCapturingLogger();
    const draws = [0.5, 0, 0.99];
    const scheduler = createScheduler({
      logger,
      now: () => Date.now(),
      random: () => draws.shift() ?? 0,
    });
    const start = Date.now();
    const starts: number[] = [];
    scheduler.every(
      'jittered',
      PERIOD,
      () => {
        starts.push(Date.now() - start);
      },
      { jitter: 0.1 },
    );
    expect(scheduler.nextIn('jittered')).toBe(PERIOD + 3_000);
    await vi.advanceTimersByTimeAsync(3 * PERIOD);
    expect(starts).toEqual([PERIOD + 3_000, 2 * PERIOD]);
    expect(scheduler.nextIn('jittered')).toBe(5_940);
    await vi.advanceTimersByTimeAsync(5_940);
    expect(starts).toEqual([PERIOD + 3_000, 2 * PERIOD, 3 * PERIOD + 5_940]);
    expect(scheduler.nextIn('unknown')).toBeUndefined();
    await scheduler.stop();
    expect(scheduler.nextIn('jittered')).toBeUndefined();
  });

  it('stop() with nothing running resolves at once and clears every timer', async () => {
    const { scheduler } = make();
    scheduler.every('a', PERIOD, () => {});
    scheduler.every('b', 5 * PERIOD, () => {});
    expect(vi.getTimerCount()).toBe(2);
    await scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
    await scheduler.stop();
  });
});
