import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../contract/api';
import type { ImportSlicing } from './client-import';
import type { EventTarget } from '../shared/event-bus';
import type { Result } from '../../contract/errors';
import {
  addStaff,
  entriesOf,
  failure,
  lastEntry,
  staffPassword,
  unwrap,
  type TestClient,
} from '../test-support/test-core';
import { makeClient, makePlan, officeCore, type Office } from '../test-support/office-fixtures';

/** `n` good rows for the plan "Home 10M": login row1 … row<n>. */
const rowsCsv = (n: number) =>
  [
    'full_name,phone,service_type,login,password,plan',
    ...Array.from(
      { length: n },
      (_, i) =>
        `Row ${String(i + 1)},0700 ${String(100_000 + i)},pppoe,row${String(i + 1)},pw,Home 10M`,
    ),
  ].join('\n');

/** An office whose import writes slices of three rows, calling `between` between two slices. */
const slicedOffice = async (between: (o: Office, slice: number) => Promise<void>) => {
  let slices = 0;
  const box: { o?: Office } = {};
  const slicing: Partial<ImportSlicing> = {
    rows: 3,
    budgetMs: Infinity, // slices by rows only: never by how fast this machine is today
    breathe: async () => {
      slices++;
      if (box.o) await between(box.o, slices);
    },
  };
  const o = await officeCore({ importSlicing: slicing });
  box.o = o;
  await makePlan(o.admin);
  return { o, slices: () => slices };
};

const clientCount = (o: Office) =>
  Number(o.core.sqlite.prepare('SELECT count(*) FROM clients').pluck().get());

/** The technician's session, as the core's services take it (for a signal of our own). */
const techCtx = (o: Office) => {
  const meta = { ip: '10.0.0.31', workstation: null, correlationId: 'import-1' };
  const actor = o.core.services.guard.authenticate(o.tech.ctx.sessionToken, meta, 'test');
  return { ...meta, actor };
};

/** Every client has its `client.created` entry and every entry its client: no half-written row. */
const expectWholeRows = (o: Office) => {
  const created = entriesOf(o.core, 'client.created').map((e) => e.clientId);
  const ids = o.core.sqlite.prepare('SELECT id FROM clients ORDER BY id').pluck().all();
  expect(created.sort((a, b) => Number(a) - Number(b))).toEqual(ids);
};

describe('CSV import in slices', () => {
  it('writes a slice at a time and answers other calls between two slices', async () => {
    const seen: number[] = [];
    const { o, slices } = await slicedOffice(async (office) => {
      // A cheap call between two slices is answered, and sees the slices written so far.
      const list = unwrap(await office.viewer.call('clients.list', {}));
      seen.push(list.total.count);
    });
    const result = unwrap(await o.tech.call('clients.importCommit', { csv: rowsCsv(10) }));
    expect(result).toMatchObject({ rows: 10, accepted: 10, imported: 10, cancelled: false });
    expect(result).toMatchObject({ firstAccountNo: 'AC000001', lastAccountNo: 'AC000010' });
    expect(slices()).toBe(3); // 3 + 3 + 3 + 1
    expect(seen).toEqual([3, 6, 9]);
    expectWholeRows(o);
    const summary = lastEntry(o.core);
    expect(summary).toMatchObject({
      event: 'clients.imported',
      details: { imported: 10, cancelled: false },
    });
    const ids = new Set(
      [...entriesOf(o.core, 'client.created'), summary].map((e) => e?.correlationId),
    );
    expect(ids.size).toBe(1);
  });

  it('closes a slice once it has run its time budget', async () => {
    let t = 0;
    let slices = 0;
    const o = await officeCore({
      importSlicing: {
        rows: 100,
        budgetMs: 10,
        elapsed: () => (t += 4), // each row "takes" 4 ms: three rows per 10 ms slice
        breathe: () => {
          slices++;
          return Promise.resolve();
        },
      },
    });
    await makePlan(o.admin);
    expect(unwrap(await o.tech.call('clients.importCommit', { csv: rowsCsv(7) })).imported).toBe(7);
    expect(slices).toBe(2); // 3 + 3 + 1
  });

  it("cancelled from another of its starter's sessions, keeps the slices written, logs it, and a second run imports the rest", async () => {
    const taskId = 'import-cancel-1';
    const listed: unknown[] = [];
    const refusals: Result<unknown>[] = [];
    const cancels: Promise<Result<unknown>>[] = [];
    const desks: { second?: TestClient; otherTech?: TestClient } = {};
    const { o } = await slicedOffice(async (office, slice) => {
      const { second, otherTech } = desks;
      if (slice !== 2 || !second || !otherTech) return;
      // The running import is the technician's task, seen from their other desk.
      listed.push(...unwrap(await second.call('tasks.list', undefined)));
      // Another technician may not stop it (no tasks.manage)…
      refusals.push(await otherTech.call('tasks.cancel', { taskId }));
      office.tc.clock.advance(1_200);
      // …its starter may, from any of their sessions (awaited below: it waits for the stop).
      cancels.push(second.call('tasks.cancel', { taskId }));
    });
    desks.otherTech = (await addStaff(o.tc, o.admin, 'tech2', 'technician')).client;
    desks.second = o.tc.client({ ip: '10.0.0.32' });
    unwrap(
      await desks.second.call('auth.login', { username: 'tech', password: staffPassword('tech') }),
    );

    const csv = rowsCsv(10);
    const result = unwrap(await o.tech.call('clients.importCommit', { csv, taskId }));
    expect(listed).toEqual([
      expect.objectContaining({ taskId, task: 'clients.import', startedBy: 'tech' }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'done' : r.error.code))).toEqual(['forbidden']);
    expect(await Promise.all(cancels)).toEqual([
      { ok: true, value: expect.objectContaining({ taskId, task: 'clients.import' }) as unknown },
    ]);
    expect(result).toMatchObject({ rows: 10, accepted: 10, imported: 6, cancelled: true });
    expect(result.lastAccountNo).toBe('AC000006');
    expect(clientCount(o)).toBe(6);
    expectWholeRows(o);
    const [summary] = entriesOf(o.core, 'clients.imported');
    expect(summary).toMatchObject({ details: { rows: 10, imported: 6, cancelled: true } });
    expect(summary?.description).toMatch(/imported 6 clients from CSV .*cancelled before the rest/);
    expect(entriesOf(o.core, 'task.cancelled')).toEqual([
      expect.objectContaining({
        description: 'tech cancelled a clients CSV import after 1.2 s',
        details: expect.objectContaining({
          taskId,
          task: 'clients.import',
          startedBy: 'tech',
          durationMs: 1_200,
        }) as unknown,
      }),
    ]);
    expect(unwrap(await o.tech.call('tasks.list', undefined))).toEqual([]);

    // The office finishes it with the same file: the imported rows are flagged, the rest go in.
    const preview = unwrap(await o.tech.call('clients.importPreview', { csv }));
    expect(preview).toMatchObject({ rows: 10, accepted: 4 });
    expect(preview.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(preview.rejected[0]?.errors).toEqual([
      'serviceLogin: The service login "row1" is already used by another client',
    ]);
    const rest = unwrap(await o.tech.call('clients.importCommit', { csv }));
    expect(rest).toMatchObject({ imported: 4, cancelled: false, lastAccountNo: 'AC000010' });
    expect(clientCount(o)).toBe(10);
    expectWholeRows(o);
  });

  it('cancelled during the check, writes nothing at all', async () => {
    const o = await officeCore();
    await makePlan(o.admin);
    const ctx = techCtx(o);
    for (const [procedure, task, message] of [
      ['clients.importCommit', 'clients.import', 'The import was cancelled.'],
      ['clients.importPreview', 'clients.check', 'The import check was cancelled.'],
    ] as const) {
      const taskId = `${task.replace('.', '-')}-during-check`;
      // At the check's first progress report: still reading the file.
      const off = o.core.events.on('task.progress', (p) => {
        if (p.taskId === taskId) void o.core.services.tasks.cancel(taskId, ctx);
      });
      const answer = await o.tech.call(procedure, { csv: rowsCsv(600), taskId });
      off();
      expect(failure(answer, 'conflict').message).toBe(message);
      expect(entriesOf(o.core, 'task.cancelled').at(-1)?.details).toMatchObject({ taskId, task });
    }
    expect(clientCount(o)).toBe(0);
    expect(entriesOf(o.core, 'clients.imported')).toEqual([]);
    expect(entriesOf(o.core, 'clients.import_checked')).toEqual([]);
  });

  it('logs each completed check and import with its duration', async () => {
    const { o } = await slicedOffice((office) => {
      office.tc.clock.advance(500);
      return Promise.resolve();
    });
    const csv = rowsCsv(7); // three slices: two breaths of 500 ms
    unwrap(await o.tech.call('clients.importPreview', { csv }));
    unwrap(await o.tech.call('clients.importCommit', { csv }));
    expect(entriesOf(o.core, 'clients.import_checked')[0]?.details).toMatchObject({
      durationMs: 0,
    });
    expect(entriesOf(o.core, 'clients.imported')[0]?.details).toMatchObject({
      imported: 7,
      durationMs: 1_000,
    });
    expect(entriesOf(o.core, 'task.cancelled')).toEqual([]);
  });

  it('skips a row another desk made invalid since the check, and imports the others', async () => {
    const { o } = await slicedOffice(async (office, slice) => {
      if (slice === 1) {
        const plan = unwrap(await office.admin.call('plans.list', undefined))[0];
        await makeClient(office.tech, plan?.id ?? 0, { serviceLogin: 'ROW8' });
      }
    });
    const result = unwrap(await o.tech.call('clients.importCommit', { csv: rowsCsv(10) }));
    expect(result).toMatchObject({ accepted: 10, imported: 9, cancelled: false });
    expect(result.rejected).toEqual([
      {
        line: 9,
        errors: ['serviceLogin: The service login "row8" is already used by another client'],
      },
    ]);
    expect(lastEntry(o.core)?.description).toMatch(
      /imported 9 clients from CSV \(1 rows rejected\)$/,
    );
    expectWholeRows(o);
  });

  it('reports progress to the calling session only, under the task id it chose', async () => {
    const { o } = await slicedOffice(() => Promise.resolve());
    const heard: { p: EventPayload<'task.progress'>; to: EventTarget | undefined }[] = [];
    o.core.events.on('task.progress', (p, to) => heard.push({ p, to }));
    const taskId = 'import-task-1';
    unwrap(await o.tech.call('clients.importCommit', { csv: rowsCsv(7), taskId }));
    const session = techCtx(o).actor.sessionId;
    expect(heard.length).toBeGreaterThan(3);
    expect(
      heard.every(
        (h) =>
          h.to !== undefined &&
          'sessionId' in h.to &&
          h.to.sessionId === session &&
          h.p.taskId === taskId,
      ),
    ).toBe(true);
    const writes = heard.filter((h) => h.p.task === 'clients.import').map((h) => h.p.done);
    expect(writes).toEqual([3, 6, 7]);
    expect(heard.at(-1)?.p).toMatchObject({ done: 7, total: 7 });
    expect(heard[0]?.p.task).toBe('clients.check');
    failure(
      await o.tech.raw('clients.importCommit', { csv: rowsCsv(1), taskId: 'x' }),
      'validation',
    );
  });
});
