import { describe, expect, it } from 'vitest';
import { entriesOf, signInAdmin, testCore, type TestCore } from '../test-support/test-core';
import { createLogMaintenance } from './log-maintenance';

/** Many small commits: each leaves its own small segment in the FTS5 index. */
const manySegments = (tc: TestCore, n: number) => {
  for (let i = 0; i < n; i++) {
    tc.core.recorder.record({
      event: 'system.started',
      params: { version: `v${String(i)}`, mode: 'test' },
      ctx: { ...tc.core.systemMeta(), actor: null },
    });
  }
};

const segments = (tc: TestCore): number =>
  tc.core.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM activity_fts_data').get()
    ?.n ?? 0;

describe('log maintenance', () => {
  it('signs a due checkpoint, merges the search index and says what it did', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    manySegments(tc, 300);
    const maintenance = createLogMaintenance({
      sqlite: tc.core.sqlite,
      write: tc.core.write,
      checkpointIfDue: () => 7,
    });
    const rowsBefore = segments(tc);
    const first = maintenance.run(tc.core.systemMeta());
    expect(first).toMatch(
      /^checkpoint signed at entry 7; search index: \d+ merge steps?, (fully merged|more left for the next run); query planner statistics refreshed$/,
    );
    expect(segments(tc)).toBeLessThan(rowsBefore);
    // The search still finds what it found before.
    const found = await tc.core.services.activity.search(
      { filter: { text: 'v299' }, limit: 5 },
      null,
    );
    expect(found.entries).toHaveLength(1);
  });

  it('stops merging when its time budget is spent, and leaves the rest for the next run', () => {
    const tc = testCore();
    manySegments(tc, 300);
    let t = 0;
    const maintenance = createLogMaintenance({
      sqlite: tc.core.sqlite,
      write: tc.core.write,
      checkpointIfDue: () => null,
      elapsed: () => (t += 300),
    });
    expect(maintenance.run(tc.core.systemMeta())).toBe(
      'no checkpoint due; search index: 1 merge step, more left for the next run; query planner statistics refreshed',
    );
    expect(entriesOf(tc.core, 'activity.checkpoint')).toEqual([]);
  });
});
