import { describe, expect, it } from 'vitest';
import { failedLogins, memorySink } from '../test-support/activity-fixtures';
import { csvHeader, csvLine, ndjsonLine } from './activity-export';
import {
  entriesOf,
  failure,
  logRows,
  signInAdmin,
  testCore,
  unwrap,
} from '../test-support/test-core';
import type { ActivityRow } from './activity-row';

const row = (over: Partial<ActivityRow>): ActivityRow => ({
  id: 1,
  ts: 0,
  type: 'user',
  category: 'authentication',
  event: 'auth.login.failed',
  outcome: 'failure',
  actor_id: null,
  actor_name: null,
  ip: null,
  workstation: null,
  description: 'd',
  target_type: null,
  target_id: null,
  target_label: null,
  client_id: null,
  router_id: null,
  details: null,
  correlation_id: null,
  row_hash: Buffer.alloc(32),
  ...over,
});

describe('activity service', () => {
  it('gets one entry by id, and says when there is none', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const entry = unwrap(await admin.call('activity.get', { id: 1 }));
    expect(entry).toMatchObject({ id: 1, event: 'auth.setup.completed' });
    const missing = failure(await admin.call('activity.get', { id: 999 }), 'not_found');
    expect(missing.message).toMatch(/^Activity entry 999 does not exist/);
  });

  it('verifies the chain on request and logs the check with its outcome', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    failedLogins(tc, 3);
    expect(unwrap(await admin.call('activity.verify', undefined))).toEqual({
      ok: true,
      checked: 5,
      firstBadId: null,
      reason: null,
    });
    expect(entriesOf(tc.core, 'activity.verified')[0]).toMatchObject({
      outcome: 'success',
      description: 'admin verified the activity log: 5 entries intact',
    });

    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_update');
    tc.core.sqlite.prepare("UPDATE activity_log SET ip = '10.0.0.2' WHERE id = 4").run();
    expect(unwrap(await admin.call('activity.verify', undefined))).toMatchObject({
      ok: false,
      firstBadId: 4,
    });
    expect(entriesOf(tc.core, 'activity.verified')[1]).toMatchObject({
      outcome: 'failure',
      description: 'admin verified the activity log: entry 4 does not verify',
    });
  });

  it('exports the filtered entries as NDJSON through the dispatcher, and logs it', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    failedLogins(tc, 2_345); // more than one export page
    const sink = memorySink();
    const result = await tc.dispatch.download(
      'activity.export',
      { filter: { events: ['auth.login.failed'] }, format: 'ndjson' },
      admin.ctx,
      sink.open,
    );
    expect(unwrap(result)).toEqual({ rows: 2_345 });
    expect(sink.state).toMatchObject({ ended: true, aborted: false });
    expect(sink.state.file).toMatch(/^activity-\d{8}-\d{6}\.ndjson$/);
    const lines = sink.state.chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2_345);
    const ids = lines.map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).toEqual(Array.from({ length: 2_345 }, (_, i) => 2_347 - i));
    expect(entriesOf(tc.core, 'activity.exported')[0]).toMatchObject({
      description: 'admin exported 2345 activity entries as NDJSON',
    });
  });

  it('logs nothing when the save dialog is cancelled, and aborts a failing sink', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const cancelled = await tc.dispatch.download(
      'activity.export',
      { filter: {}, format: 'csv' },
      admin.ctx,
      () => Promise.resolve(null),
    );
    expect(unwrap(cancelled)).toBeNull();

    let aborted = false;
    const broken = await tc.dispatch.download(
      'activity.export',
      { filter: {}, format: 'csv' },
      admin.ctx,
      () =>
        Promise.resolve({
          write: () => Promise.reject(new Error('disk full at /home/office/export.csv')),
          end: () => Promise.resolve(),
          abort: () => {
            aborted = true;
          },
        }),
    );
    expect(aborted).toBe(true);
    expect(failure(broken, 'internal').message).not.toContain('/home/office');
    expect(entriesOf(tc.core, 'activity.exported')).toEqual([]);
    expect(logRows(tc.core).at(-1)?.event).toBe('auth.login.succeeded');
  });

  it('writes CSV cells that spreadsheets cannot run', () => {
    expect(csvHeader()).toMatch(/^id,timestamp,type,.*,hash\r\n$/);
    const line = csvLine(
      row({
        actor_name: '=cmd|" /C calc"!A0',
        description: '+SUM(1)',
        workstation: '-2+3',
        target_label: '@A1',
        target_type: '\tTAB',
        target_id: '\rCR',
        ip: 'a,b',
        correlation_id: 'say "hi"',
      }),
      'UTC',
    );
    expect(line).toContain(`,"'=cmd|"" /C calc""!A0",`);
    expect(line).toContain(",'+SUM(1),");
    expect(line).toContain(",'-2+3,");
    expect(line).toContain(`,'\tTAB,"'\rCR",'@A1,`);
    expect(line).toContain(',"a,b",');
    expect(line).toContain(',"say ""hi""",');
    expect(line.endsWith('\r\n')).toBe(true);
    // Numbers stay numbers (a negative id cannot happen, but a negative number is not a formula).
    expect(csvLine(row({ client_id: -5 }), 'UTC')).toContain(',-5,');
    const nd = JSON.parse(ndjsonLine(row({ details: '{"a":1}' }), 'UTC')) as Record<
      string,
      unknown
    >;
    expect(nd).toMatchObject({ id: 1, details: { a: 1 }, hash: '00'.repeat(32) });
    expect(nd.timestamp).toBe('1970-01-01T00:00:00.000+00:00');
  });
});
