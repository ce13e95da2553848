import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportSink } from '../activity/activity.service';
import { readChainAnchor } from '../activity/chain-anchor';
import { readPruneRun } from '../activity/prune-run';
import { verifyChain } from '../activity/verify-chain';
import { failedLogins } from '../test-support/activity-fixtures';
import {
  addStaff,
  entriesOf,
  failure,
  logRows,
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  unwrap,
  type TestClient,
  type TestCore,
} from '../test-support/test-core';

const META = { ip: '10.0.0.5', workstation: 'Front desk', correlationId: 'test' };

/** The service context of a signed-in client, for calls made straight to the core. */
const contextOf = (tc: TestCore, client: TestClient) => ({
  ...META,
  actor: tc.core.services.guard.authenticate(client.ctx.sessionToken, META, 'test'),
});

/**
 * An export sink whose `blockAt`-th write waits until released (the task waits with it, as
 * behind a slow disk), and which counts writes that arrive after it was aborted.
 */
const gatedSink = (blockAt: number) => {
  const state = { chunks: [] as string[], ended: false, aborted: false, writesAfterAbort: 0 };
  let reached = () => {};
  let release = () => {};
  const blocked = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const sink: ExportSink = {
    write: (chunk) => {
      if (state.aborted) state.writesAfterAbort++;
      state.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      if (state.chunks.length !== blockAt) return Promise.resolve();
      reached();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    end: () => {
      state.ended = true;
      return Promise.resolve();
    },
    abort: () => {
      state.aborted = true;
    },
  };
  return { state, blocked, release: () => release(), open: () => Promise.resolve(sink) };
};

/** Starts an export for `client` and waits until it is held at its second chunk. */
const exportHeldAtSecondChunk = async (tc: TestCore, client: TestClient, taskId: string) => {
  const sink = gatedSink(2);
  const exporting = tc.dispatch.download(
    'activity.export',
    { filter: {}, format: 'csv', taskId },
    client.ctx,
    sink.open,
  );
  await sink.blocked;
  return { sink, exporting };
};

/** Calls `then` (once) at the first progress event of task `taskId`. */
const atFirstProgress = (tc: TestCore, taskId: string, then: () => void) => {
  let seen = 0;
  tc.core.events.on('task.progress', (p) => {
    if (p.taskId === taskId && ++seen === 1) then();
  });
  return () => seen;
};

const archivesIn = (tc: TestCore) => {
  const dir = join(tc.dataDir, 'archives');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('cancelling long tasks', () => {
  it('cancel stops an export on its thread: the file is discarded and nothing is written after', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345); // three export pages
    const taskId = 'export-0001';
    const { sink, exporting } = await exportHeldAtSecondChunk(tc, admin, taskId);
    expect(unwrap(await admin.call('tasks.list', undefined))).toEqual([
      expect.objectContaining({ taskId, task: 'export', startedBy: 'admin', cancellable: true }),
    ]);
    tc.clock.advance(1_500);
    expect(unwrap(await admin.call('tasks.cancel', { taskId }))).toMatchObject({ taskId });
    const written = sink.state.chunks.length;
    sink.release();

    expect(failure(await exporting, 'conflict').message).toBe('The export was cancelled.');
    expect(sink.state).toMatchObject({ ended: false, aborted: true, writesAfterAbort: 0 });
    expect(sink.state.chunks).toHaveLength(written);
    expect(entriesOf(tc.core, 'activity.exported')).toEqual([]);
    const cancelled = entriesOf(tc.core, 'task.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({
      actor: { name: 'Ada Admin' },
      description: 'admin cancelled an activity log export after 1.5 s',
      details: { taskId, task: 'export', startedBy: 'admin', durationMs: 1_500 },
    });
    expect(unwrap(await admin.call('tasks.list', undefined))).toEqual([]);
  });

  it('cancel stops a verify, on a task thread and on the main thread alike', async () => {
    for (const threads of [true, false]) {
      const tc = testCore(threads ? { taskThreads: TASKS_FROM_SOURCE } : {});
      const admin = await signInAdmin(tc);
      failedLogins(tc, 6_000); // two verify batches
      const ctx = contextOf(tc, admin);
      const taskId = 'verify-0001';
      const progressed = atFirstProgress(tc, taskId, () => {
        tc.clock.advance(700);
        void tc.core.services.tasks.cancel(taskId, ctx);
      });
      const result = await admin.call('activity.verify', { taskId });
      expect(failure(result, 'conflict').message).toBe('The integrity check was cancelled.');
      expect(progressed()).toBe(1);
      expect(entriesOf(tc.core, 'activity.verified')).toEqual([]);
      expect(entriesOf(tc.core, 'task.cancelled')[0]?.details).toMatchObject({
        taskId,
        task: 'verify',
        durationMs: 700,
      });
    }
  }, 60_000); // two cores of 6,000 entries, one with a task thread started from source

  it('cancel stops an archive while it copies: the live log is untouched and verifies', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345); // three copy batches
    tc.clock.advance(60_000);
    const rows = logRows(tc.core);
    const anchor = readChainAnchor(tc.core.sqlite);
    const ctx = contextOf(tc, admin);
    const taskId = 'archive-0001';
    atFirstProgress(tc, taskId, () => void tc.core.services.tasks.cancel(taskId, ctx));

    const result = await admin.call('activity.archive', { before: tc.clock.now(), taskId });
    expect(failure(result, 'conflict').message).toBe('The archive was cancelled.');
    expect(archivesIn(tc)).toEqual([]);
    expect(readPruneRun(tc.core.sqlite)).toBeNull();
    expect(readChainAnchor(tc.core.sqlite)).toEqual(anchor);
    const after = logRows(tc.core);
    expect(after.slice(0, rows.length)).toEqual(rows);
    expect(after.slice(rows.length).map((r) => r.event)).toEqual(['task.cancelled']);
    expect(await verifyChain(tc.core.sqlite)).toMatchObject({ ok: true });

    // The next run makes the whole archive.
    const archived = unwrap(await admin.call('activity.archive', { before: tc.clock.now() }));
    expect(archived).toMatchObject({ firstId: 1, lastId: rows.length });
    expect(await verifyChain(tc.core.sqlite)).toMatchObject({ ok: true });
  }, 60_000); // three task threads started from source

  it('an archive that is removing its entries can no longer be cancelled', async () => {
    const tc = testCore({ retention: { pruneChunk: 500 } });
    const admin = await signInAdmin(tc);
    failedLogins(tc, 1_200);
    tc.clock.advance(60_000);
    const ctx = contextOf(tc, admin);
    const taskId = 'archive-0002';
    const refusals: Promise<unknown>[] = [];
    tc.core.events.on('task.progress', (p) => {
      // The third pass (pruning) starts at 2 × entries.
      if (p.taskId === taskId && p.done > (2 * p.total) / 3 && refusals.length === 0) {
        refusals.push(tc.core.services.tasks.cancel(taskId, ctx).catch((e: unknown) => e));
      }
    });
    const archived = unwrap(
      await admin.call('activity.archive', { before: tc.clock.now(), taskId }),
    );
    expect(archived.entries).toBeGreaterThan(1_200);
    const [refusal] = await Promise.all(refusals);
    expect(refusal).toMatchObject({ code: 'conflict' });
    expect(String(refusal)).toMatch(/goes on to the end/);
    expect(entriesOf(tc.core, 'task.cancelled')).toEqual([]);
    expect(entriesOf(tc.core, 'activity.archived')).toHaveLength(1);
  });

  it('cancel stops a backup started by staff: no file, no run recorded', async () => {
    const tc = testCore({ taskThreads: TASKS_FROM_SOURCE });
    const admin = await signInAdmin(tc);
    const ctx = contextOf(tc, admin);
    const taskId = 'backup-0001';
    const running = tc.core.services.jobs.runNow({ name: 'db.backup', taskId }, ctx);
    expect(tc.core.services.tasks.list(ctx.actor)).toEqual([
      expect.objectContaining({ taskId, task: 'backup' }),
    ]);
    tc.clock.advance(900);
    await tc.core.services.tasks.cancel(taskId, ctx);
    await expect(running).rejects.toThrow('The backup was cancelled.');
    const folder = unwrap(await admin.call('backup.settings', undefined)).folder;
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    const job = unwrap(await admin.call('jobs.list', undefined)).find(
      (j) => j.name === 'db.backup',
    );
    expect(job?.lastRun).toBeNull();
    expect(entriesOf(tc.core, 'task.cancelled')[0]?.details).toMatchObject({
      task: 'backup',
      durationMs: 900,
    });
  });

  it('answers an unknown, finished or malformed task id with an error as data', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const unknown = failure(
      await admin.call('tasks.cancel', { taskId: 'no-such-task' }),
      'not_found',
    );
    expect(unknown.message).toContain('no-such-task');
    unwrap(await admin.call('activity.verify', { taskId: 'verify-done' }));
    failure(await admin.call('tasks.cancel', { taskId: 'verify-done' }), 'not_found');
    failure(await admin.call('tasks.cancel', { taskId: 'x' }), 'validation');
    failure(await admin.raw('tasks.cancel', {}), 'validation');
  });

  it('only the starter or an administrator may cancel a task; a running id is not reused', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const alice = (await addStaff(tc, admin, 'alice', 'viewer')).client;
    const bob = (await addStaff(tc, admin, 'bob', 'viewer')).client;
    failedLogins(tc, 2_345);
    const taskId = 'alice-export';
    const { sink, exporting } = await exportHeldAtSecondChunk(tc, alice, taskId);

    expect(unwrap(await bob.call('tasks.list', undefined))).toEqual([]);
    expect(unwrap(await alice.call('tasks.list', undefined))).toHaveLength(1);
    failure(await bob.call('tasks.cancel', { taskId }), 'forbidden');
    failure(await bob.call('activity.verify', { taskId }), 'conflict');
    expect(unwrap(await admin.call('tasks.cancel', { taskId }))).toMatchObject({
      startedBy: 'alice',
    });
    sink.release();
    failure(await exporting, 'conflict');
    const cancelled = entriesOf(tc.core, 'task.cancelled');
    expect(cancelled.map((e) => e.actor?.name)).toEqual(['Ada Admin']);
    expect(cancelled[0]?.description).toMatch(
      /^admin cancelled an activity log export started by alice after /,
    );
  });

  it('logs each completed task with its duration', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345);
    atFirstProgress(tc, 'verify-0002', () => tc.clock.advance(1_200));
    unwrap(await admin.call('activity.verify', { taskId: 'verify-0002' }));
    expect(entriesOf(tc.core, 'activity.verified')[0]?.details).toMatchObject({
      durationMs: 1_200,
    });

    tc.clock.advance(60_000);
    atFirstProgress(tc, 'archive-0003', () => tc.clock.advance(2_500));
    unwrap(
      await admin.call('activity.archive', { before: tc.clock.now(), taskId: 'archive-0003' }),
    );
    expect(entriesOf(tc.core, 'activity.archived')[0]?.details).toMatchObject({
      durationMs: 2_500,
    });
  });
});
