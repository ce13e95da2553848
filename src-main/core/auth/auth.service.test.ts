import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  SECOND,
  MINUTE,
  addStaff,
  createTestCore,
  entriesOf,
  failure,
  signInAdmin,
  staffPassword,
  tempDirForTest,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { LOGIN_FAILED_MESSAGE } from './auth.service';

const staffRow = (tc: TestCore, username: string) =>
  tc.core.sqlite
    .prepare<
      [string],
      { failed_logins: number; locked_until: number | null; password_hash: string }
    >('SELECT failed_logins, locked_until, password_hash FROM staff WHERE username = ?')
    .get(username);

const loginFailures = (tc: TestCore) =>
  entriesOf(tc.core, 'auth.login.failed').map((e) => (e.details as { reason: string }).reason);

describe('auth.setup', () => {
  it('creates the first administrator and signs them in', async () => {
    const tc = testCore();
    const client = tc.client({ ip: '10.0.0.7', workstation: 'Chrome 140 on Linux' });
    expect(unwrap(await client.call('auth.status', undefined))).toEqual({
      setupRequired: true,
      user: null,
    });

    const user = unwrap(await client.call('auth.setup', { ...ADMIN, username: '  Admin ' }));
    expect(user).toMatchObject({
      username: 'admin',
      displayName: ADMIN.displayName,
      role: 'administrator',
      mustChangePassword: false,
    });
    expect(user.permissions).toEqual(
      expect.arrayContaining(['staff.manage', 'sessions.manage', 'activity.read']),
    );
    expect(client.ctx.sessionToken).toMatch(/^[\w-]{40,}$/);
    expect(unwrap(await client.call('auth.status', undefined))).toEqual({
      setupRequired: false,
      user,
    });

    const [completed] = entriesOf(tc.core, 'auth.setup.completed');
    expect(completed).toMatchObject({
      type: 'administrative',
      outcome: 'success',
      actor: { id: user.staffId, name: ADMIN.displayName },
      ip: '10.0.0.7',
      workstation: 'Chrome 140 on Linux',
      target: { type: 'staff', id: String(user.staffId), label: 'admin' },
      details: {
        after: { username: 'admin', displayName: ADMIN.displayName, role: 'administrator' },
      },
    });
    expect(entriesOf(tc.core, 'auth.login.succeeded')).toHaveLength(1);
    // The password never reaches the log or the database in clear.
    const everything = JSON.stringify(tc.core.sqlite.prepare('SELECT * FROM activity_log').all());
    expect(everything).not.toContain(ADMIN.password);
    expect(staffRow(tc, 'admin')?.password_hash).not.toContain(ADMIN.password);
  });

  it('is refused, and the refusal logged, once any account exists', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    const intruder = tc.client({ ip: '10.6.6.6' });
    const error = failure(
      await intruder.call('auth.setup', {
        username: 'mallory',
        displayName: 'Mallory',
        password: 'mallory password',
      }),
      'conflict',
    );
    expect(error.message).toBe('Setup is already complete. Sign in instead.');
    expect(intruder.ctx.sessionToken).toBeNull();
    expect(unwrap(await tc.client().call('auth.status', undefined)).setupRequired).toBe(false);
    expect(tc.core.sqlite.prepare('SELECT username FROM staff').all()).toEqual([
      { username: 'admin' },
    ]);
    const [refused] = entriesOf(tc.core, 'auth.setup.refused');
    expect(refused).toMatchObject({
      outcome: 'failure',
      actor: null,
      ip: '10.6.6.6',
      description: 'First-run setup as "mallory" refused: staff accounts already exist',
    });
  });

  it('lets only one of two simultaneous setups win', async () => {
    const tc = testCore();
    const a = tc.client();
    const b = tc.client();
    const results = await Promise.all([
      a.call('auth.setup', { ...ADMIN, username: 'first' }),
      b.call('auth.setup', { ...ADMIN, username: 'second' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(failure(results.find((r) => !r.ok) ?? results[0], 'conflict')).toBeTruthy();
    expect(tc.core.sqlite.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 1 });
    expect(entriesOf(tc.core, 'auth.setup.completed')).toHaveLength(1);
    expect(entriesOf(tc.core, 'auth.setup.refused')).toHaveLength(1);
  });
});

describe('auth.login', () => {
  it('signs in with the right password (any case of the username) and logs it', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    const client = tc.client({ ip: '10.0.0.8', workstation: 'Firefox 150 on Windows' });
    tc.clock.advance(MINUTE);
    const user = unwrap(
      await client.call('auth.login', { username: ' ADMIN ', password: ADMIN.password }),
    );
    expect(user.username).toBe('admin');
    expect(client.ctx.sessionToken).not.toBeNull();
    expect(unwrap(await client.call('sessions.listMine', undefined))).toHaveLength(2);
    const last = entriesOf(tc.core, 'auth.login.succeeded').at(-1);
    expect(last).toMatchObject({
      outcome: 'success',
      actor: { id: user.staffId, name: ADMIN.displayName },
      ip: '10.0.0.8',
      workstation: 'Firefox 150 on Windows',
      ts: tc.clock.now(),
    });
    const staff = unwrap(await client.call('staff.list', undefined));
    expect(staff[0]?.lastLoginAt).toBe(tc.clock.now());
  });

  it('gives one generic message for every failure, and logs the real reason', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { id: disabledId } = await addStaff(tc, admin, 'dora', 'cashier');
    unwrap(await admin.call('staff.update', { id: disabledId, disabled: true }));
    await addStaff(tc, admin, 'lenny', 'viewer');
    const attempts: { username: string; password: string }[] = [
      { username: 'nobody', password: 'whatever password' },
      { username: '', password: '' },
      { username: 'admin', password: 'wrong password!' },
      { username: 'dora', password: staffPassword('dora') },
    ];
    // Lock lenny: five wrong passwords, then the right one.
    for (let i = 0; i < 5; i++)
      attempts.push({ username: 'lenny', password: `wrong ${String(i)}` });
    attempts.push({ username: 'lenny', password: staffPassword('lenny') });

    for (const [i, attempt] of attempts.entries()) {
      const client = tc.client({ ip: `10.0.1.${String(i + 1)}` }); // no IP throttle in play
      const error = failure(await client.call('auth.login', attempt), 'invalid_credentials');
      expect(error).toEqual({ code: 'invalid_credentials', message: LOGIN_FAILED_MESSAGE });
      expect(client.ctx.sessionToken).toBeNull();
    }
    expect(loginFailures(tc)).toEqual([
      'unknown_user',
      'unknown_user',
      'wrong_password',
      'disabled',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'locked',
    ]);
    const failed = entriesOf(tc.core, 'auth.login.failed');
    expect(failed[0]).toMatchObject({
      actor: null,
      ip: '10.0.1.1',
      outcome: 'failure',
      target: null,
      description: 'Failed sign-in as "nobody": no such user',
    });
    expect(failed[3]?.description).toBe('Failed sign-in as "dora": account disabled');
    expect(failed.at(-1)?.description).toBe('Failed sign-in as "lenny": account locked');
  });

  it('never logs a typed user name that cannot be one (a password typed in the wrong box)', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    // A valid name that does not exist is kept as typed: investigators need it.
    const client = tc.client({ ip: '10.0.4.9' });
    for (const username of ['Hunter2 Secret!', 'pässwörd-🔑-2026', '', 'ghost.user']) {
      failure(
        await client.call('auth.login', { username, password: 'whatever' }),
        'invalid_credentials',
      );
    }
    expect(entriesOf(tc.core, 'auth.login.failed').map((e) => e.description)).toEqual([
      'Failed sign-in as "(not a user name, 15 characters)": no such user',
      'Failed sign-in as "(not a user name, 15 characters)": no such user',
      'Failed sign-in as "(not a user name, 0 characters)": no such user',
      'Failed sign-in as "ghost.user": no such user',
    ]);
    const stored = JSON.stringify(tc.core.sqlite.prepare('SELECT * FROM activity_log').all());
    expect(stored).not.toMatch(/hunter2|pässwörd/i);
    expect(entriesOf(tc.core, 'auth.login.failed')[0]?.details).toEqual({
      username: '(not a user name, 15 characters)',
      reason: 'unknown_user',
    });
  });

  it('locks after 5 consecutive failures, doubling the lock, and lets in after it expires', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    await addStaff(tc, admin, 'lenny', 'cashier');
    // A new address each time, so that the IP throttle's delays do not move the clock.
    let n = 0;
    const attempt = (password: string) =>
      tc
        .client({ ip: `10.0.2.${String(++n)}` })
        .call('auth.login', { username: 'lenny', password });

    for (let i = 1; i <= 4; i++) {
      failure(await attempt('not my password'), 'invalid_credentials');
      expect(staffRow(tc, 'lenny')).toMatchObject({ failed_logins: i, locked_until: null });
    }
    expect(entriesOf(tc.core, 'auth.account.locked')).toHaveLength(0);
    failure(await attempt('not my password'), 'invalid_credentials');
    const lockedAt = tc.clock.now();
    expect(staffRow(tc, 'lenny')).toMatchObject({
      failed_logins: 5,
      locked_until: lockedAt + 30 * SECOND,
    });
    const [firstLock] = entriesOf(tc.core, 'auth.account.locked');
    expect(firstLock).toMatchObject({
      type: 'system',
      outcome: 'failure',
      actor: null,
      // The address the attack came from (the fifth attempt's), not this machine's.
      ip: '10.0.2.5',
      workstation: 'Front desk',
      description: 'Account "lenny" locked for 30 s after 5 failed sign-ins',
      target: { type: 'staff', label: 'lenny' },
    });

    // The right password does not open a locked account.
    failure(await attempt(staffPassword('lenny')), 'invalid_credentials');
    expect(loginFailures(tc).at(-1)).toBe('locked');

    // After the lock, one more failure locks again, twice as long.
    tc.clock.set((staffRow(tc, 'lenny')?.locked_until ?? 0) + 1);
    failure(await attempt('still not it'), 'invalid_credentials');
    expect(staffRow(tc, 'lenny')).toMatchObject({
      failed_logins: 6,
      locked_until: tc.clock.now() + 60 * SECOND,
    });
    expect(entriesOf(tc.core, 'auth.account.locked').map((e) => e.description)).toEqual([
      'Account "lenny" locked for 30 s after 5 failed sign-ins',
      'Account "lenny" locked for 60 s after 6 failed sign-ins',
    ]);

    tc.clock.advance(60 * SECOND - 1);
    failure(await attempt(staffPassword('lenny')), 'invalid_credentials');
    tc.clock.set((staffRow(tc, 'lenny')?.locked_until ?? 0) + 1);
    unwrap(await attempt(staffPassword('lenny')));
    expect(staffRow(tc, 'lenny')).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(tc.clock.sleeps).toEqual([]);
  });

  it('slows down an address that keeps failing, with increasing delays', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    const from = (ip: string) => tc.client({ ip });
    const fail = async (ip: string) =>
      failure(
        await from(ip).call('auth.login', { username: 'ghost', password: 'boo boo boo' }),
        'invalid_credentials',
      );

    for (let i = 0; i < 3; i++) await fail('10.9.0.1');
    expect(tc.clock.sleeps).toEqual([]);
    for (let i = 0; i < 4; i++) await fail('10.9.0.1');
    expect(tc.clock.sleeps).toEqual([250, 500, 1000, 2000]);

    // Another address is not slowed down by the first one's failures.
    await fail('10.9.0.2');
    expect(tc.clock.sleeps).toHaveLength(4);

    // The delay is capped.
    for (let i = 0; i < 4; i++) await fail('10.9.0.1');
    expect(tc.clock.sleeps).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000]);

    // A success from the address clears it (after its own delay).
    unwrap(
      await from('10.9.0.1').call('auth.login', { username: 'admin', password: ADMIN.password }),
    );
    expect(tc.clock.sleeps.at(-1)).toBe(8000);
    const count = tc.clock.sleeps.length;
    await fail('10.9.0.1');
    expect(tc.clock.sleeps).toHaveLength(count);

    // Failures are forgotten after the window.
    for (let i = 0; i < 3; i++) await fail('10.9.0.3');
    tc.clock.advance(16 * MINUTE);
    await fail('10.9.0.3');
    expect(tc.clock.sleeps).toHaveLength(count);
  });

  it('rehashes a password made with older parameters at the next sign-in', async () => {
    const dataDir = tempDirForTest();
    const old = createTestCore({ dataDir });
    await signInAdmin(old);
    await old.close();

    const tc = testCore({ dataDir, authPolicy: { scrypt: { N: 2 ** 13, r: 8, p: 1 } } });
    expect(staffRow(tc, 'admin')?.password_hash).toMatch(/^scrypt\$4096\$/);
    unwrap(await tc.client().call('auth.login', { username: 'admin', password: ADMIN.password }));
    expect(staffRow(tc, 'admin')?.password_hash).toMatch(/^scrypt\$8192\$8\$1\$/);
    unwrap(await tc.client().call('auth.login', { username: 'admin', password: ADMIN.password }));
  });
});
