import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { ClientFilter } from '../../contract/schemas/clients';
import { csvRow } from '../../domain/csv-cells';
import { createClientSearch } from '../clients/client-search';
import { createClientsRepo } from '../clients/clients.repo';
import { parseCsv } from '../clients/csv';
import { ormOf } from '../db/open-database';
import { memorySink } from '../test-support/activity-fixtures';
import { makePlan, officeCore, type Office } from '../test-support/office-fixtures';
import { entriesOf, TASKS_FROM_SOURCE, unwrap } from '../test-support/test-core';
import { createTaskRunner } from './task-runner';

/** Clients with every awkward cell: quotes, commas, line breaks, formulas, GPS, IPs. */
const fixtureCsv = (rows: number) =>
  [
    'account_no,full_name,phone,email,address,latitude,longitude,service_type,login,password,static_ip,mac,plan,expires,notes',
    ...Array.from({ length: rows }, (_, i) => {
      const n = String(i + 1);
      return [
        i % 7 === 0 ? `OLD-${n}` : '',
        i % 5 === 0 ? `"Kamau, ""Jr"" ${n}"` : `Wanjiru ${n}`,
        `+254 700 ${String(100_000 + i)}`,
        i % 3 === 0 ? `c${n}@mail.test` : '',
        i % 4 === 0 ? `"Line one\nLine two ${n}"` : '',
        i % 6 === 0 ? '-1.2921' : '',
        i % 6 === 0 ? '36.8219' : '',
        'pppoe',
        `login${n}`,
        `pw-${n}`,
        i % 2 === 0 ? `10.1.${String(Math.floor(i / 250))}.${String(i % 250)}` : '',
        '',
        'Home 10M',
        i % 9 === 0 ? '2031-05-17' : '',
        i % 11 === 0 ? `'=SUM(A${n})` : '',
      ].join(',');
    }),
  ].join('\n');

const fixtureOffice = async (rows: number): Promise<Office> => {
  // The fixture goes in as one slice: these tests are about reading it.
  const o = await officeCore({
    taskThreads: TASKS_FROM_SOURCE,
    importSlicing: { rows: 2_000, budgetMs: Infinity },
  });
  unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
  await makePlan(o.admin);
  const csv = fixtureCsv(rows);
  expect(unwrap(await o.tech.call('clients.importCommit', { csv })).imported).toBe(rows);
  return o;
};

/** The export as the main thread wrote it before it moved to a task thread. */
const exportedOnMain = (o: Office, filter: ClientFilter): string => {
  const search = createClientSearch(o.core.sqlite);
  const clients = createClientsRepo(ormOf(o.core.sqlite));
  const timeZone = o.core.services.settings.get().timeZone;
  const iso = (ms: number) => formatDate(new TZDate(ms, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
  const header =
    'account_no,full_name,phone,email,address,latitude,longitude,service_type,login,static_ip,mac,plan,router,status,expires,balance_minor,notes,created';
  let text = csvRow(header.split(','));
  for (const ids of search.iterateIds(filter, o.tc.clock.now())) {
    for (const r of clients.exportRows(ids)) {
      text += csvRow([
        r.accountNo,
        r.fullName,
        r.phone,
        r.email,
        r.address,
        r.gpsLat,
        r.gpsLng,
        r.serviceType,
        r.serviceLogin,
        r.staticIp,
        r.mac,
        r.planName,
        r.routerName,
        r.status,
        r.status === 'awaiting_payment' ? null : iso(r.expiresAt),
        r.balance,
        r.notes,
        iso(r.createdAt),
      ]);
    }
  }
  return text;
};

const techCtx = (o: Office) => {
  const meta = { ip: '10.0.0.31', workstation: null, correlationId: 'tasks-1' };
  const actor = o.core.services.guard.authenticate(o.tech.ctx.sessionToken, meta, 'test');
  return { ...meta, actor };
};

// Importing the fixture takes a while on a busy machine.
describe('clients tasks on task threads', { timeout: 120_000 }, () => {
  it('export writes the same bytes on a thread, in process, and as the main thread did', async () => {
    const o = await fixtureOffice(1_050); // more than one page of 1,000
    const timeZone = o.core.services.settings.get().timeZone;
    for (const filter of [{}, { search: 'kamau', statuses: ['expired' as const] }]) {
      const expected = exportedOnMain(o, filter);
      const sink = memorySink();
      const result = await o.tc.dispatch.download(
        'clients.export',
        { filter },
        o.viewer.ctx,
        sink.open,
      );
      expect(sink.state).toMatchObject({ ended: true, aborted: false });
      expect(sink.state.chunks.join('')).toBe(expected);
      expect(unwrap(result)?.rows).toBe(parseCsv(expected).length - 1);

      let inProcess = '';
      await createTaskRunner({}).run(
        {
          kind: 'clientsExport',
          file: o.core.sqlite.name,
          filter,
          now: o.tc.clock.now(),
          timeZone,
        },
        {
          onChunk: (text) => {
            inProcess += text;
            return Promise.resolve();
          },
        },
      );
      expect(inProcess).toBe(expected);
    }
    const all = memorySink();
    await o.tc.dispatch.download('clients.export', {}, o.viewer.ctx, all.open);
    expect(all.state.chunks.length).toBeGreaterThan(2); // header, then one chunk per page
    const logged = entriesOf(o.core, 'clients.exported');
    expect(logged).toHaveLength(3);
    expect(logged[0]?.details).toMatchObject({ rows: 1_050, durationMs: 0 });

    // Cancelled part-way (tasks.cancel): stopped on its thread, the file discarded, logged.
    const exportsBefore = entriesOf(o.core, 'clients.exported').length;
    const taskId = 'clients-export-1';
    const ctx = techCtx(o);
    const heard: { taskId: string; to: unknown }[] = [];
    o.core.events.on('task.progress', (p, to) => heard.push({ taskId: p.taskId, to }));
    const sink = memorySink();
    const open: typeof sink.open = async (file) => {
      const s = await sink.open(file);
      return {
        ...s,
        write: async (chunk: string) => {
          await s.write(chunk);
          // At the last page: the first page's progress has been reported.
          if (sink.state.chunks.length !== 3) return;
          expect(o.core.services.tasks.list(ctx.actor)).toEqual([
            expect.objectContaining({ taskId, task: 'clients.export', startedBy: 'tech' }),
          ]);
          o.tc.clock.advance(800);
          void o.core.services.tasks.cancel(taskId, ctx);
        },
      };
    };
    await expect(o.core.services.clients.exportTo({ taskId }, ctx, open)).rejects.toThrow(
      'The clients export was cancelled.',
    );
    expect(sink.state).toMatchObject({ ended: false, aborted: true });
    expect(entriesOf(o.core, 'clients.exported')).toHaveLength(exportsBefore);
    expect(entriesOf(o.core, 'task.cancelled').map((e) => e.details)).toEqual([
      expect.objectContaining({ taskId, task: 'clients.export', durationMs: 800 }),
    ]);
    expect(o.core.services.tasks.list(ctx.actor)).toEqual([]);
    // Its progress went to the session that started it, under its id, and nowhere else.
    expect(heard.length).toBeGreaterThan(0);
    expect(heard).toEqual(heard.map(() => ({ taskId, to: { sessionId: ctx.actor.sessionId } })));
  });

  it('the import check answers alike on a thread and in process', async () => {
    const o = await fixtureOffice(60);
    // Half the rows now clash with the clients imported above; the rest are new.
    const csv = fixtureCsv(90).replaceAll(/login(\d*[02468]),/g, 'fresh$1,');
    const request = {
      kind: 'clientsCheck' as const,
      file: o.core.sqlite.name,
      csv,
      timeZone: 'Africa/Nairobi',
      withAccepted: false,
    };
    const onThread = await createTaskRunner(TASKS_FROM_SOURCE).run(request);
    const inProcess = await createTaskRunner({}).run(request);
    expect(onThread).toEqual(inProcess);
    expect(onThread.preview.accepted).toBeGreaterThan(0);
    expect(onThread.preview.rejected.length).toBeGreaterThan(0);
    expect(unwrap(await o.tech.call('clients.importPreview', { csv }))).toEqual(onThread.preview);
  });
});
