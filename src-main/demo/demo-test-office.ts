import { rmSync } from 'node:fs';
import {
  createCapturingLogger,
  createCoreUnderTest,
  type CoreUnderTest,
  MIGRATIONS_FOLDER,
  TEST_HOST,
  makeTempDir,
} from '../core/test-support/test-core';
import { DEMO_ROUTERS } from './demo-catalog';
import { startDemoSims } from './demo-routers';
import { SEEDING_AUTH_POLICY, seedDemoOffice, type SeedOptions } from './demo-seeder';

/** 2026-03-10 14:07 UTC: a Tuesday afternoon in Nairobi (where the demo tests' history ends). */
export const DEMO_TEST_END = Date.UTC(2026, 2, 10, 14, 7);

/**
 * For tests: a fresh core on its own folder with a clock the seeder moves, the demo's simulators,
 * and the demo office seeded into it (seed 7). `stop` ends the core, then the simulators, and removes the folder;
 * `closeCore` ends only the core.
 */
export const seedTestOffice = async (size: Pick<SeedOptions, 'clients' | 'days'> = {}) => {
  let now = DEMO_TEST_END;
  const dataDir = makeTempDir('demo-seed');
  const core = createCoreUnderTest({
    dataDir,
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
  let closing: Promise<void> | null = null;
  /** Ends the seeding core, leaving the folder (to open another core on it). */
  const closeCore = () => (closing ??= core.stop());
  const stop = async () => {
    await closeCore();
    await sims.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const started = performance.now();
    const summary = await seedDemoOffice(core, {
      endAt: DEMO_TEST_END,
      setClock: (ms) => (now = ms),
      routers: sims,
      seed: 7,
      ...size,
    });
    const ms = performance.now() - started;
    return { core, sims, summary, ms, clockAfter: now, dataDir, closeCore, stop };
  } catch (e) {
    await stop();
    throw e;
  }
};

export const allRows = <T>(core: CoreUnderTest, sql: string): T[] =>
  core.sqlite.prepare<[], T>(sql).all();

/** The `n` column of a one-row query. */
export const scalarOf = (core: CoreUnderTest, sql: string): number => {
  const row = core.sqlite.prepare<[], { n: number }>(sql).get();
  if (row === undefined) throw new Error(`no row for ${sql}`);
  return row.n;
};
