import { describe, expect, it } from 'vitest';
import { api, downloads } from '../contract/api';
import { DOWNLOADS, PROCEDURES } from '../contract/channels';
import type { Result } from '../contract/errors';
import type { ExportSink } from '../core/activity/activity.service';
import {
  addStaff,
  dbSnapshot,
  logEntries,
  staffPassword,
  temporaryPassword,
  failure,
  signInAdmin,
  testCore,
  unwrap,
  type TestClient,
} from '../core/test-support/test-core';

/** Inputs no procedure accepts: unknown keys (all inputs are strict objects), wrong types. */
const BAD_INPUTS: unknown[] = [
  { __unexpected: true },
  42,
  'a string',
  null,
  [],
  { filter: 'not an object', id: 'seven', sessionId: 12, username: 3, password: false },
];

const PUBLIC = PROCEDURES.filter((name) => api[name].access === 'public');
const GUARDED = PROCEDURES.filter((name) => api[name].access !== 'public');

/** What a person reads: one or a few plain sentences, no dump of the parser's internals. */
const expectReadable = (message: string) => {
  expect(message.length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(400);
  expect(message).not.toMatch(/^[[{]/);
  expect(message).not.toMatch(/\n|ZodError|\bat \S+:\d+|undefined$/);
};

const nullSink = (): Promise<ExportSink> =>
  Promise.resolve({
    write: () => Promise.resolve(),
    end: () => Promise.resolve(),
    abort: () => {},
  });

describe('dispatch', () => {
  it('covers the whole contract, and only setup, login, status and the demo office are public', () => {
    expect(Object.keys(api).sort()).toEqual([...PROCEDURES].sort());
    expect(Object.keys(downloads).sort()).toEqual([...DOWNLOADS].sort());
    // system.openDemo works only while no account exists (src-main/demo/demo-switch.test.ts);
    // system.leaveDemo only in the demo office, whose password its sign-in page shows
    // (src-main/launch/office-host.test.ts).
    expect(PUBLIC.sort()).toEqual([
      'auth.login',
      'auth.setup',
      'auth.status',
      'system.demo',
      'system.leaveDemo',
      'system.openDemo',
    ]);
  });

  it('answers every non-public procedure with unauthenticated without a session, writing nothing', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const ended = tc.client();
    ended.ctx.sessionToken = admin.ctx.sessionToken;
    unwrap(await admin.call('auth.logout', undefined));
    const nobody = tc.client();
    const forged = tc.client();
    forged.ctx.sessionToken = 'forged-token-forged-token-forged-token-000';
    const before = dbSnapshot(tc.core);

    for (const client of [nobody, forged, ended]) {
      for (const name of GUARDED) {
        // Even a perfectly valid input: the session is checked before the input is parsed.
        for (const input of [undefined, { filter: {} }, ...BAD_INPUTS]) {
          const error = failure(await client.raw(name, input), 'unauthenticated');
          expect(error.message).toBe('Please sign in.');
        }
      }
      for (const name of DOWNLOADS) {
        failure(
          await tc.dispatch.download(name, { filter: {}, format: 'csv' }, client.ctx, nullSink),
          'unauthenticated',
        );
      }
    }
    expect(dbSnapshot(tc.core)).toBe(before);
    // The public ones answer (auth.status says who is signed in: nobody).
    expect(unwrap(await nobody.call('auth.status', undefined))).toEqual({
      setupRequired: false,
      user: null,
    });
  });

  it('lets a session whose password must change call only status, change password and sign out', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: newbie } = await addStaff(tc, admin, 'nora', 'administrator', undefined, {
      keepTemporaryPassword: true,
    });
    const allowed = ['auth.status', 'auth.changePassword', 'auth.logout'];
    const entriesBefore = logEntries(tc.core).length;
    const refused = GUARDED.filter((name) => !allowed.includes(name));
    for (const name of refused) {
      // Even a valid input: the password rule comes before the input is parsed.
      const error = failure(await newbie.raw(name, undefined), 'password_change_required');
      expect(error.message).toBe('Change your temporary password before doing anything else.');
    }
    for (const name of DOWNLOADS) {
      failure(
        await tc.dispatch.download(name, { filter: {}, format: 'csv' }, newbie.ctx, nullSink),
        'password_change_required',
      );
    }
    // Every refusal is logged, naming the procedure; nothing else was written.
    const logged = logEntries(tc.core).slice(entriesBefore);
    expect(logged.map((e) => e.event)).toEqual(
      [...refused, ...DOWNLOADS].map(() => 'auth.password.change_required'),
    );
    expect(logged[0]).toMatchObject({
      actor: { name: 'Nora Staff' },
      ip: '10.0.0.5',
      outcome: 'failure',
      description: `nora was refused ${refused[0] ?? ''}: the temporary password must be changed first`,
    });

    expect(unwrap(await newbie.call('auth.status', undefined)).user?.mustChangePassword).toBe(true);
    unwrap(
      await newbie.call('auth.changePassword', {
        currentPassword: temporaryPassword('nora'),
        newPassword: staffPassword('nora'),
      }),
    );
    unwrap(await newbie.call('staff.list', undefined));
    unwrap(await newbie.call('auth.logout', undefined));
  });

  it('gives a readable validation error for bad input on every procedure, writing nothing', async () => {
    const tc = testCore();
    const anonymous = tc.client();
    // Before setup: the public procedures validate, the others want a session first.
    for (const name of PROCEDURES) {
      for (const input of BAD_INPUTS) {
        const result = await anonymous.raw(name, input);
        const error = failure(result, PUBLIC.includes(name) ? 'validation' : 'unauthenticated');
        expectReadable(error.message);
      }
    }
    expect(tc.core.sqlite.prepare('SELECT count(*) AS n FROM activity_log').get()).toEqual({
      n: 0,
    });

    const admin: TestClient = await signInAdmin(tc);
    const before = dbSnapshot(tc.core);
    for (const name of PROCEDURES) {
      for (const input of BAD_INPUTS) {
        const error = failure(await admin.raw(name, input), 'validation');
        expectReadable(error.message);
      }
    }
    for (const name of DOWNLOADS) {
      const extra =
        name === 'activity.export' ? [{ filter: {}, format: 'xlsx' }, { filter: {} }] : [];
      for (const input of [...BAD_INPUTS, ...extra]) {
        let opened = false;
        const result = await tc.dispatch.download(name, input, admin.ctx, () => {
          opened = true;
          return nullSink();
        });
        expectReadable(failure(result, 'validation').message);
        expect(opened).toBe(false);
      }
    }
    expect(dbSnapshot(tc.core)).toBe(before);
    // The session survived all of it.
    unwrap(await admin.call('sessions.listMine', undefined));
  });

  it('names the field and the rule in a validation message', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const tooShort = failure(
      await admin.call('staff.create', {
        username: 'x',
        displayName: 'X',
        role: 'cashier',
        password: 'short',
      }),
      'validation',
    );
    expect(tooShort.message).toBe(
      'username: Username must be at least 3 characters; password: Password must be at least 10 characters',
    );
    // The same fields as data, for forms to mark.
    expect(tooShort.details).toEqual({
      issues: [
        { path: ['username'], message: 'Username must be at least 3 characters' },
        { path: ['password'], message: 'Password must be at least 10 characters' },
      ],
    });
    const extra = failure(await admin.raw('staff.list', { __unexpected: true }), 'validation');
    expect(extra.message).toMatch(/__unexpected/);
    const nothing = failure(await admin.raw('staff.update', { id: 1 }), 'validation');
    expect(nothing.message).toBe('Nothing to change');
  });

  it('sends nested paths, core checks and download refusals as data too', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    // Nested inputs give the whole path, array positions as numbers.
    const nested = failure(
      await admin.raw('activity.search', { filter: { actorIds: [1, 'two'] } }),
      'validation',
    );
    expect(nested.details).toMatchObject({ issues: [{ path: ['filter', 'actorIds', 1] }] });
    // A rule the core checks after the schema names its field the same way.
    const ip = failure(
      await admin.call('activity.search', { filter: { ip: '10.0.0.300' } }),
      'validation',
    );
    expect(ip.details).toEqual({ issues: [{ path: ['filter', 'ip'], message: ip.message }] });
    const download = await tc.dispatch.download(
      'activity.export',
      { filter: { from: 'yesterday' }, format: 'csv' },
      admin.ctx,
      nullSink,
    );
    expect(failure(download, 'validation').details).toMatchObject({
      issues: [{ path: ['filter', 'from'] }],
    });
  });

  it('answers an unknown procedure with not_found', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const before = dbSnapshot(tc.core);
    for (const name of [
      'staff.delete',
      '',
      'auth',
      '__proto__',
      'constructor',
      'toString',
      'AUTH.LOGIN',
    ]) {
      for (const client of [admin, tc.client()]) {
        const error = failure(await client.raw(name, {}), 'not_found');
        expect(error.message).toBe(`Unknown procedure "${name}".`);
      }
    }
    failure(await tc.dispatch.download('staff.export', {}, admin.ctx, nullSink), 'not_found');
    failure(await tc.dispatch.download('auth.login', {}, admin.ctx, nullSink), 'not_found');
    expect(dbSnapshot(tc.core)).toBe(before);
  });

  it('hides an internal error’s stack and SQL from the caller, and logs them', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    // Something unexpected in the database: a column is gone.
    tc.core.sqlite.exec('ALTER TABLE staff RENAME COLUMN display_name TO display_name_gone');

    const results: Result<unknown>[] = [
      await admin.call('staff.list', undefined),
      await tc.client().call('auth.login', { username: 'admin', password: 'whatever it is' }),
    ];
    for (const result of results) {
      const error = failure(result, 'internal');
      expect(error).toEqual({
        code: 'internal',
        message: 'Something went wrong; the error has been logged.',
      });
      expect(JSON.stringify(error)).not.toMatch(/select|display_name|staff|sqlite|\.ts:\d+/i);
    }
    const logged = tc.logger.lines.filter((l) => l.level === 'error');
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged[0]?.message).toMatch(/failed$/);
    expect(JSON.stringify(logged[0]?.fields)).toMatch(/display_name/);
  });
});
