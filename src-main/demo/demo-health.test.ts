import { describe, expect, it, onTestFinished } from 'vitest';
import { createFakeClock, createTestCore, type TestCore } from '../core/test-support/test-core';
import { DEMO_ROUTERS } from './demo-catalog';
import { allRows, DEMO_TEST_END as END, seedTestOffice } from './demo-test-office';
import { OUTAGE_ROUTER } from './seeding/log-stories';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Each router: hourly samples over the older months and every 5 minutes in the last week, with
 * every measure, sessions that grow with the office, and the tower's power cut of the story.
 */
const checkHistories = (
  service: TestCore['core']['services']['routers'],
  routers: { id: number }[],
) => {
  for (const [index, router] of routers.entries()) {
    const half = service.healthHistory({
      id: router.id,
      from: END - 180 * DAY,
      to: END,
      points: 240,
    });
    const samples = half.buckets.reduce((n, b) => n + b.samples, 0);
    // Hourly for the older months, every 5 minutes in the last week.
    expect(samples).toBeGreaterThan(173 * 24 + 7 * 288 - 48);
    expect(half.keptSince).toBeLessThan(END - 180 * DAY);
    // One point per 18 hours, each averaging its samples.
    expect(half.buckets.length).toBeGreaterThan(230);
    expect(half.buckets.length).toBeLessThanOrEqual(240);
    const missing = half.buckets.filter(
      (b) =>
        b.cpuAvg === null ||
        b.memoryAvg === null ||
        b.latencyAvg === null ||
        b.sessionsMax === null,
    );
    expect(missing).toEqual([]);
    // Sessions grow with the office: busier at the end than at the start.
    const first = half.buckets[0]?.sessionsAvg ?? 0;
    const last = half.buckets.at(-1)?.sessionsAvg ?? 0;
    expect(last).toBeGreaterThan(first);

    if (index === OUTAGE_ROUTER) {
      // The story's power cut: the first failed check at 03:52, the next good one at 09:54.
      expect(half.outages).toHaveLength(1);
      const [cut] = half.outages;
      expect((cut?.to ?? 0) - (cut?.from ?? 0)).toBe(6 * HOUR + 2 * MINUTE);
      expect(new Date((cut?.from ?? 0) + 3 * HOUR).getUTCHours()).toBe(3);
    } else {
      expect(half.outages).toEqual([]);
    }

    const week = service.healthHistory({
      id: router.id,
      from: END - 7 * DAY,
      to: END,
      points: 7 * 288,
    });
    expect(week.bucketMs).toBe(5 * MINUTE);
    expect(week.buckets.length).toBeGreaterThan(7 * 288 - 12);
  }
};

describe("the demo routers' health history", () => {
  it('holds six months of CPU, memory, latency and sessions with the power cut, after a restart', async () => {
    const office = await seedTestOffice({ clients: 40 });
    onTestFinished(office.stop);
    const routers = allRows<{ id: number; name: string }>(
      office.core,
      'SELECT id, name FROM routers ORDER BY id',
    );
    expect(routers).toHaveLength(DEMO_ROUTERS.length);
    await office.closeCore();

    // Another core on the same folder: all of it comes from the database.
    const tc = createTestCore({ dataDir: office.dataDir, clock: createFakeClock(END) });
    try {
      checkHistories(tc.core.services.routers, routers);
    } finally {
      await tc.close();
    }
  }, 120_000);
});
