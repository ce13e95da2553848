import { describe, expect, it } from 'vitest';
import {
  addSimRouter,
  bringBack,
  FAST_NETWORK,
  networkOffice,
  takeOffline,
} from '../test-support/network-fixtures';
import {
  ADMIN,
  createTestCore,
  failure,
  HOUR,
  MINUTE,
  T0,
  tempDirForTest,
  unwrap,
} from '../test-support/test-core';

describe('router health history', () => {
  it('survives a restart: CPU, memory, latency, sessions and outages over a chosen range', async () => {
    const dataDir = tempDirForTest('health-history');
    const o = await networkOffice({ dataDir, network: { sampleEveryMs: 5 * MINUTE } });
    const { sim, router } = await addSimRouter(o.tech);
    const health = o.core.services.health;
    // Six hours of polls ten minutes apart, with the router down from 3h to 3h40.
    for (let minute = 0; minute <= 360; minute += 10) {
      if (minute === 180) await takeOffline(sim);
      if (minute === 220) await bringBack(sim);
      await health.pollNow();
      o.tc.clock.advance(10 * MINUTE);
      sim.advance(10 * MINUTE);
    }
    const end = o.tc.clock.now();
    await o.tc.close();

    // A new core on the same data folder: nothing of the history lives in memory.
    const tc = createTestCore({ dataDir, clock: o.tc.clock, network: FAST_NETWORK });
    try {
      const admin = tc.client();
      unwrap(
        await admin.call('auth.login', { username: ADMIN.username, password: ADMIN.password }),
      );
      const history = unwrap(
        await admin.call('routers.healthHistory', {
          id: router.id,
          from: T0,
          to: end,
          points: 12,
        }),
      );
      expect(history.bucketMs).toBe(31 * MINUTE);
      expect(history.keptSince).toBe(T0);
      expect(history.keptDays).toBe(183);
      const samples = history.buckets.reduce((n, b) => n + b.samples, 0);
      expect(samples).toBe(37);
      expect(history.buckets.length).toBeGreaterThan(10);
      expect(history.buckets.length).toBeLessThanOrEqual(12);
      const good = history.buckets[0];
      expect(good?.cpuAvg).not.toBeNull();
      expect(good?.memoryAvg).not.toBeNull();
      expect(good?.latencyAvg).not.toBeNull();
      expect(good?.sessionsMax).not.toBeNull();
      expect(history.buckets.reduce((n, b) => n + b.failed, 0)).toBe(4);
      expect(history.outages).toEqual([{ from: T0 + 3 * HOUR, to: T0 + 3 * HOUR + 40 * MINUTE }]);

      // A narrower range: only its own samples, buckets aligned on its start.
      const narrow = unwrap(
        await admin.call('routers.healthHistory', {
          id: router.id,
          from: T0 + 3 * HOUR + 20 * MINUTE,
          to: end,
          points: 200,
        }),
      );
      expect(narrow.bucketMs).toBe(MINUTE);
      expect(narrow.buckets[0]).toMatchObject({ from: T0 + 3 * HOUR + 20 * MINUTE, failed: 1 });
      // The outage began before the range: it is shown from the range's first failed sample.
      expect(narrow.outages).toEqual([
        { from: T0 + 3 * HOUR + 20 * MINUTE, to: T0 + 3 * HOUR + 40 * MINUTE },
      ]);
      // The router page's recent samples are there too after the restart.
      const recent = unwrap(await admin.call('routers.health', { id: router.id }));
      expect(recent.samples).toHaveLength(37);
    } finally {
      await tc.close();
    }
  });

  it('refuses a range that ends before it starts, or is too long, and an unknown router', async () => {
    const o = await networkOffice();
    const { router } = await addSimRouter(o.tech);
    const at = { id: router.id, from: T0, to: T0 };
    expect(failure(await o.viewer.call('routers.healthHistory', at), 'validation').message).toMatch(
      /end after it starts/,
    );
    expect(
      failure(
        await o.viewer.call('routers.healthHistory', { ...at, to: T0 + 400 * 24 * HOUR }),
        'validation',
      ).message,
    ).toMatch(/At most 366 days/);
    failure(
      await o.viewer.call('routers.healthHistory', { id: 999, from: T0, to: T0 + HOUR }),
      'not_found',
    );
    const empty = unwrap(
      await o.viewer.call('routers.healthHistory', { id: router.id, from: T0, to: T0 + HOUR }),
    );
    expect(empty).toMatchObject({ buckets: [], outages: [], keptSince: null });
  });
});
