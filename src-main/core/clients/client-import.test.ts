import { chunkText } from '../test-support/activity-fixtures';
import { describe, expect, it } from 'vitest';
import type { ExportSink } from '../activity/activity.service';
import { entriesOf, failure, lastEntry, unwrap, type TestClient } from '../test-support/test-core';
import {
  makeClient,
  makePlan,
  officeCore,
  officeSnapshot,
  type Office,
} from '../test-support/office-fixtures';
import { parseCsv } from './csv';
import { MAX_IMPORT_CHARS } from '../../contract/schemas/clients';

const HEADER =
  'Full Name,phone,service_type,login,password,plan,static_ip,expires,account_no,notes,colour';

const exportCsv = async (o: Office, who: TestClient, input: unknown = {}) => {
  let text = '';
  let name = '';
  const result = await o.tc.dispatch.download('clients.export', input, who.ctx, (file) => {
    name = file.fileName;
    const sink: ExportSink = {
      write: (chunk) => {
        text += chunkText(chunk);
        return Promise.resolve();
      },
      end: () => Promise.resolve(),
      abort: () => {},
    };
    return Promise.resolve(sink);
  });
  return { result, text, name };
};

describe('CSV import', () => {
  it('previews every row it would reject and why, writing nothing', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    const plan = await makePlan(o.admin);
    await makeClient(o.tech, plan.id, { serviceLogin: 'taken', staticIp: '10.0.9.1' });
    const csv = [
      HEADER,
      'Good One,0700 000 001,pppoe,good1,pw1,Home 10M,,2030-02-01,,"Likes ""fast"" internet",blue',
      'Good Two,0700 000 002,PPPoE,good2,pw2,home 10m,10.0.9.2,,OLD-17,,',
      ',0700 000 003,pppoe,nobody,pw3,Home 10M,,,,,',
      'Dup Login,0700 000 004,pppoe,TAKEN,pw4,Home 10M,,,,,',
      'Dup In File,0700 000 005,pppoe,good1,pw5,Home 10M,,,,,',
      'No Plan,0700 000 006,pppoe,noplan,pw6,Gold,,,,,',
      'Bad Phone,call me,pppoe,badphone,pw7,Home 10M,,,,,',
      'Bad Date,0700 000 008,pppoe,baddate,pw8,Home 10M,,2030-02-30,,,',
      'IP Taken,0700 000 009,pppoe,iptaken,pw9,Home 10M,10.0.9.1,,,,',
      'No Password,0700 000 010,pppoe,nopw,,Home 10M,,,,,',
      'Wrong Service,0700 000 011,hotspot,wrongsvc,pw11,Home 10M,,,,,',
      'Short Row,0700 000 012',
      `${'L'.repeat(121)},0700 000 013,pppoe,longname,pw13,Home 10M,,,,,`,
    ].join('\r\n');
    const before = officeSnapshot(o.core, { withLog: false });
    const preview = unwrap(await o.tech.call('clients.importPreview', { csv }));
    expect(officeSnapshot(o.core, { withLog: false })).toBe(before);
    expect(preview).toMatchObject({ rows: 13, accepted: 2, ignoredColumns: ['colour'] });
    // Logged, with what it found and how long it took.
    expect(lastEntry(o.core)).toMatchObject({
      event: 'clients.import_checked',
      actor: { id: o.ids.tech },
      details: { rows: 13, accepted: 2, rejected: 11, durationMs: 0 },
    });
    const reasons = Object.fromEntries(preview.rejected.map((r) => [r.line, r.errors.join(' | ')]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(reasons[4]).toMatch(/fullName: Full name is required/);
    expect(reasons[5]).toMatch(/service login "TAKEN" is already used/);
    expect(reasons[6]).toMatch(/"good1" appears twice in the file/);
    expect(reasons[7]).toMatch(/plan: No plan "Gold"/);
    expect(reasons[8]).toMatch(/phone: Phone may contain/);
    expect(reasons[9]).toMatch(/expires: "2030-02-30" is not a date/);
    expect(reasons[10]).toMatch(/IP 10.0.9.1 is already assigned/);
    expect(reasons[11]).toMatch(/servicePassword: Service password is required/);
    expect(reasons[12]).toMatch(/Plan "Home 10M" is for pppoe, not hotspot/);
    expect(reasons[13]).toMatch(/Row has 2 fields, the header has 11/);
    expect(reasons[14]).toMatch(/Full name must be at most 120/);
  });

  it('commits the accepted rows, each logged, under one correlation id', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { timeZone: 'Africa/Nairobi' }));
    await makePlan(o.admin);
    const csv = [
      HEADER,
      'Good One,0700 000 001,pppoe,good1,pw1,Home 10M,,2030-02-01,,"Likes ""fast"" internet",blue',
      'Good Two,0700 000 002,PPPoE,good2,pw2,home 10m,10.0.9.2,,old-17,,',
      'No Plan,0700 000 006,pppoe,noplan,pw6,Gold,,,,,',
    ].join('\n');
    const result = unwrap(await o.tech.call('clients.importCommit', { csv }));
    expect(result).toMatchObject({
      rows: 3,
      accepted: 2,
      imported: 2,
      cancelled: false,
      firstAccountNo: 'AC000001',
      lastAccountNo: 'OLD-17',
    });
    const list = unwrap(await o.viewer.call('clients.list', { sort: { by: 'name', dir: 'asc' } }));
    expect(list.items.map((c) => [c.fullName, c.accountNo, c.status])).toEqual([
      ['Good One', 'AC000001', 'active'],
      ['Good Two', 'OLD-17', 'awaiting_payment'],
    ]);
    const one = unwrap(await o.viewer.call('clients.get', { id: list.items[0]?.id ?? 0 }));
    expect(one.notes).toBe('Likes "fast" internet');
    // "2030-02-01" means through that day in the office time zone (UTC+3).
    expect(new Date(one.expiresAt).toISOString()).toBe('2030-02-01T21:00:00.000Z');
    expect(
      unwrap(await o.tech.call('clients.revealPassword', { id: one.id })).servicePassword,
    ).toBe('pw1');
    const created = entriesOf(o.core, 'client.created');
    const summary = entriesOf(o.core, 'clients.imported')[0];
    expect(created).toHaveLength(2);
    expect(summary).toMatchObject({
      type: 'administrative',
      category: 'client',
      actor: { id: o.ids.tech },
      details: {
        rows: 3,
        imported: 2,
        rejected: [{ line: 4 }],
        ignoredColumns: ['colour'],
        cancelled: false,
        durationMs: 0,
      },
    });
    expect(new Set([...created, summary].map((e) => e?.correlationId)).size).toBe(1);
    // Committing the same file again imports nothing and writes nothing.
    const before = officeSnapshot(o.core);
    failure(await o.tech.call('clients.importCommit', { csv }), 'validation');
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('rejects files it cannot read as a whole, with a reason', async () => {
    const o = await officeCore();
    const before = officeSnapshot(o.core);
    const missing = failure(
      await o.tech.call('clients.importPreview', { csv: 'name,phone\nA,1' }),
      'validation',
    );
    expect(missing.message).toBe('csv: Missing column(s): service_type, login, password, plan.');
    const open = failure(
      await o.tech.call('clients.importPreview', { csv: `${HEADER}\n"unclosed,1` }),
      'validation',
    );
    expect(open.message).toMatch(/never closed/);
    failure(await o.tech.call('clients.importPreview', { csv: '' }), 'validation');
    failure(
      await o.tech.raw('clients.importPreview', { csv: 'x'.repeat(MAX_IMPORT_CHARS + 1) }),
      'validation',
    );
    failure(await o.tech.raw('clients.importPreview', { csv: 42 }), 'validation');
    expect(officeSnapshot(o.core)).toBe(before);
  });

  it('parses RFC 4180 quoting: commas, quotes and line breaks inside fields, a BOM, CRLF', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",\r\n\r\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', ''] },
    ]);
  });
});

describe('CSV export', () => {
  it('exports the filtered list without passwords, guards formulas, logs it, and imports again', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    await makeClient(o.tech, plan.id, {
      fullName: '=HYPERLINK("x")',
      serviceLogin: 'formula',
      servicePassword: 'Never-Export',
    });
    await makeClient(o.tech, plan.id, {
      fullName: 'Plain, Person',
      serviceLogin: 'plain',
      phone: '+254 700 1',
    });
    const { result, text, name } = await exportCsv(o, o.viewer, { filter: { search: 'person' } });
    expect(unwrap(result)).toEqual({ rows: 1 });
    expect(name).toMatch(/^clients-\d{8}-\d{6}\.csv$/);
    const rows = parseCsv(text);
    expect(rows[0]?.cells.slice(0, 3)).toEqual(['account_no', 'full_name', 'phone']);
    expect(rows[1]?.cells.slice(1, 3)).toEqual(['Plain, Person', "'+254 700 1"]);
    expect(lastEntry(o.core)).toMatchObject({
      event: 'clients.exported',
      type: 'user',
      category: 'client',
      details: { rows: 1 },
    });

    const all = await exportCsv(o, o.tech);
    expect(all.text).not.toContain('Never-Export');
    expect(all.text).toContain(`'=HYPERLINK`);
    failure((await exportCsv(o, o.cashier)).result, 'forbidden');

    // The export, with a password column added, is a valid import file for another office.
    const other = await officeCore();
    await makePlan(other.admin);
    const lines = parseCsv(all.text).map((r, i) => [...r.cells, i === 0 ? 'password' : 'pw-x']);
    const csv = lines
      .map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
      .join('\n');
    const preview = unwrap(await other.tech.call('clients.importPreview', { csv }));
    expect(preview).toMatchObject({ rows: 2, accepted: 2, rejected: [] });
  });
});
