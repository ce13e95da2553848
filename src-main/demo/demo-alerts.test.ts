import { describe, expect, it, onTestFinished } from 'vitest';
import {
  createCapturingLogger,
  createCoreUnderTest,
  MIGRATIONS_FOLDER,
  TEST_HOST,
  tempDirForTest,
} from '../core/test-support/test-core';
import { DEMO_ROUTERS } from './demo-catalog';
import { startDemoSims } from './demo-routers';
import { SEEDING_AUTH_POLICY, seedDemoOffice } from './demo-seeder';

/** 2026-03-10 14:07 UTC: a Tuesday afternoon in Nairobi. */
const END = Date.UTC(2026, 2, 10, 14, 7);

describe('the demo office raises real alerts from its story', () => {
  it('a brute-force attempt and an after-hours refund, and nothing from its ordinary days', async () => {
    let now = END;
    const core = createCoreUnderTest({
      dataDir: tempDirForTest('demo-alerts'),
      migrationsFolder: MIGRATIONS_FOLDER,
      mode: 'test',
      version: 'test',
      clock: { now: () => now, sleep: () => Promise.resolve() },
      logger: createCapturingLogger(),
      host: TEST_HOST,
      authPolicy: SEEDING_AUTH_POLICY,
      background: false,
      flushEachCommit: false,
    });
    const sims = await startDemoSims(DEMO_ROUTERS.map(() => 0));
    onTestFinished(async () => {
      await core.stop();
      await sims.stop();
    });
    await seedDemoOffice(core, {
      endAt: END,
      setClock: (ms) => (now = ms),
      routers: sims,
      seed: 7,
      clients: 40,
      days: 30,
    });
    core.evaluateAlerts();
    const { alerts } = core.services.alerts.list(undefined);
    // The alert story (five guesses at one account, an after-hours refund) and the log's stories
    // (twelve guesses from one address at several accounts, a router's power cut) raise these,
    // and nothing else does.
    expect(alerts.map((a) => a.rule).sort()).toEqual([
      'brute_force',
      'brute_force',
      'outside_hours',
      'password_spraying',
      'router_trouble',
    ]);
    expect(alerts.some((a) => a.rule === 'brute_force' && a.count >= 5)).toBe(true);
    const late = alerts.find((a) => a.rule === 'outside_hours');
    expect(late?.title).toContain('Amina Hassan');
  });
});
