import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { failedLogins, memorySink } from '../test-support/activity-fixtures';
import { csvHeader, csvLine, ndjsonLine } from '../activity/activity-export';
import { createLogSource } from '../activity/activity-source';
import { verifyChain } from '../activity/verify-chain';
import { DATABASE_FILE } from '../config';
import {
  entriesOf,
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { createTaskRunner } from './task-runner';

/** The export as the main thread wrote it before it moved to a task thread (office zone UTC). */
const exportedOnMain = (tc: TestCore, format: 'csv' | 'ndjson') => {
  const { search } = createLogSource(tc.core.sqlite, () => tc.clock.now());
  const line = format === 'csv' ? csvLine : ndjsonLine;
  let text = format === 'csv' ? csvHeader() : '';
  for (const page of search.iterate({})) text += page.map((r) => line(r, 'UTC')).join('');
  return text;
};

describe('long tasks on task threads', () => {
  it('export gives the same bytes, and verify the same answer, as on the main thread', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345); // more than two export pages
    for (const format of ['csv', 'ndjson'] as const) {
      const expected = exportedOnMain(tc, format);
      const sink = memorySink();
      const result = await tc.dispatch.download(
        'activity.export',
        { filter: {}, format },
        admin.ctx,
        sink.open,
      );
      const count = tc.core.sqlite.prepare('SELECT count(*) FROM activity_log').pluck().get();
      expect(unwrap(result)?.rows).toBe(Number(count) - 1); // less its own entry
      expect(sink.state).toMatchObject({ ended: true, aborted: false });
      expect(sink.state.chunks.length).toBeGreaterThan(2);
      expect(sink.state.chunks.join('')).toBe(expected);
    }
    const exported = entriesOf(tc.core, 'activity.exported');
    expect(exported).toHaveLength(2);
    expect(exported[0]?.details).toHaveProperty('durationMs');

    const intact = await verifyChain(tc.core.sqlite);
    expect(unwrap(await admin.call('activity.verify', undefined))).toEqual(intact);
    // An altered entry: named alike on both.
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_update');
    tc.core.sqlite.prepare("UPDATE activity_log SET ip = '6.6.6.6' WHERE id = 1200").run();
    const onMain = await verifyChain(tc.core.sqlite);
    expect(onMain).toMatchObject({ ok: false, firstBadId: 1200 });
    expect(unwrap(await admin.call('activity.verify', undefined))).toEqual(onMain);
  });

  it('a failing sink stops the export: the file is discarded, nothing is logged', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345);
    const sink = memorySink(1);
    const result = await tc.dispatch.download(
      'activity.export',
      { filter: {}, format: 'ndjson' },
      admin.ctx,
      sink.open,
    );
    expect(result.ok).toBe(false);
    expect(sink.state).toMatchObject({ ended: false, aborted: true });
    expect(entriesOf(tc.core, 'activity.exported')).toEqual([]);
  });

  it('cancelling stops a task on its thread and on the main thread alike', async () => {
    const tc = testCore();
    failedLogins(tc, 2_345);
    const file = join(tc.dataDir, DATABASE_FILE);
    for (const runner of [createTaskRunner(TASKS_FROM_SOURCE), createTaskRunner({})]) {
      const stop = new AbortController();
      const chunks: string[] = [];
      const run = runner.run(
        { kind: 'export', file, filter: {}, format: 'csv', timeZone: 'UTC' },
        {
          onChunk: (text) => {
            chunks.push(text);
            if (chunks.length === 2) stop.abort();
            return Promise.resolve();
          },
          signal: stop.signal,
        },
      );
      await expect(run).rejects.toThrow('The task was cancelled.');
      expect(chunks).toHaveLength(2);
    }
  });

  it('verifies an archive on a task thread as on the main thread', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 50);
    tc.clock.advance(60_000);
    const result = unwrap(await admin.call('activity.archive', { before: tc.clock.now() }));
    const archive = new Database(join(tc.dataDir, 'archives', result.file), { readonly: true });
    const onMain = await verifyChain(archive);
    archive.close();
    expect(onMain).toMatchObject({ ok: true, checked: result.entries });
    expect(unwrap(await admin.call('activity.verify', { archive: result.file }))).toEqual(onMain);
  });
});
