import { describe, expect, it, vi } from 'vitest';
import {
  ADMIN,
  HOUR,
  MINUTE,
  SECOND,
  TEST_HOST,
  addStaff,
  dbSnapshot,
  entriesOf,
  failure,
  signInAdmin,
  staffPassword,
  temporaryPassword,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { DEFAULT_AUTH_POLICY } from './auth-policy';

const IDLE = DEFAULT_AUTH_POLICY.idleTimeoutMs;
const LIFETIME = DEFAULT_AUTH_POLICY.absoluteLifetimeMs;

const sessionRows = (tc: TestCore) =>
  tc.core.sqlite
    .prepare<[], { id: string; ended_at: number | null; end_reason: string | null }>(
      'SELECT id, ended_at, end_reason FROM sessions ORDER BY created_at, id',
    )
    .all();

describe('session lifetime', () => {
  it('ends an idle session at the next call and logs it once', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    tc.clock.advance(IDLE - SECOND);
    unwrap(await admin.call('sessions.listMine', undefined)); // still alive; this call refreshes it
    tc.clock.advance(IDLE - SECOND);
    unwrap(await admin.call('sessions.listMine', undefined));
    tc.clock.advance(IDLE);

    failure(await admin.call('sessions.listMine', undefined), 'unauthenticated');
    failure(await admin.call('staff.list', undefined), 'unauthenticated');
    expect(unwrap(await admin.call('auth.status', undefined)).user).toBeNull();
    tc.core.services.guard.sweep('sweep-1');

    const expired = entriesOf(tc.core, 'auth.session.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      type: 'system',
      actor: null,
      ip: TEST_HOST.ip,
      workstation: TEST_HOST.name,
      description: 'Session of admin expired (idle timeout)',
      target: { type: 'staff', label: 'admin' },
    });
    expect(sessionRows(tc)[0]).toMatchObject({
      end_reason: 'idle_timeout',
      ended_at: tc.clock.now(),
    });
  });

  it('ends a busy session at its absolute lifetime', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const start = tc.clock.now();
    while (tc.clock.now() + 20 * MINUTE < start + LIFETIME) {
      tc.clock.advance(20 * MINUTE);
      unwrap(await admin.call('sessions.listMine', undefined));
    }
    tc.clock.set(start + LIFETIME);
    failure(await admin.call('sessions.listMine', undefined), 'unauthenticated');
    failure(await admin.call('sessions.listMine', undefined), 'unauthenticated');
    const expired = entriesOf(tc.core, 'auth.session.expired');
    expect(expired.map((e) => e.description)).toEqual([
      'Session of admin expired (maximum lifetime reached)',
    ]);
    expect(sessionRows(tc)[0]?.end_reason).toBe('lifetime');
    // Signing in again gives a fresh session.
    unwrap(await admin.call('auth.login', { username: 'admin', password: ADMIN.password }));
    unwrap(await admin.call('sessions.listMine', undefined));
  });

  it('is not kept alive by the push events an open tab receives', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const token = admin.ctx.sessionToken;
    const meta = { ip: '10.0.0.5', workstation: null, correlationId: 'events' };
    for (let t = 0; t < IDLE; t += MINUTE) {
      tc.clock.advance(MINUTE);
      // Still a listener until the idle timeout, however often events arrive…
      if (t + MINUTE < IDLE) expect(tc.core.services.guard.listener(token, meta)).not.toBeNull();
    }
    // …and then the session has ended, as if no event had come.
    expect(tc.core.services.guard.listener(token, meta)).toBeNull();
    failure(await admin.call('sessions.listMine', undefined), 'unauthenticated');
  });

  it('lists the idle deadline and the lifetime of each session', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const t0 = tc.clock.now();
    tc.clock.advance(MINUTE);
    const [mine] = unwrap(await admin.call('sessions.listMine', undefined));
    expect(mine).toMatchObject({
      createdAt: t0,
      lastSeenAt: t0 + MINUTE,
      idleExpiresAt: t0 + MINUTE + IDLE,
      absoluteExpiresAt: t0 + LIFETIME,
      ip: '10.0.0.5',
      workstation: 'Front desk',
      current: true,
      username: 'admin',
    });
  });

  it('has the sweeper end sessions nobody uses any more', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const cashier = await addStaff(tc, admin, 'carol', 'cashier');
    tc.clock.advance(IDLE / 2);
    expect(tc.core.services.guard.sweep('sweep-1')).toBe(0);
    unwrap(await admin.call('sessions.listMine', undefined)); // the admin keeps working
    tc.clock.advance(IDLE / 2 + SECOND);

    expect(tc.core.services.guard.sweep('sweep-2')).toBe(1);
    expect(tc.core.services.guard.sweep('sweep-3')).toBe(0);
    const expired = entriesOf(tc.core, 'auth.session.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      correlationId: 'sweep-2',
      actor: null,
      ip: TEST_HOST.ip,
      description: 'Session of carol expired (idle timeout)',
    });
    failure(await cashier.client.call('sessions.listMine', undefined), 'unauthenticated');
    unwrap(await admin.call('sessions.listMine', undefined));
    // Expiring it at the next call does not log it a second time.
    expect(entriesOf(tc.core, 'auth.session.expired')).toHaveLength(1);
  });

  it('sweeps on the scheduler when background jobs run', async () => {
    vi.useFakeTimers();
    try {
      const tc = testCore({ background: true });
      tc.core.start();
      await signInAdmin(tc);
      tc.clock.advance(IDLE + SECOND);
      expect(entriesOf(tc.core, 'auth.session.expired')).toHaveLength(0);
      // The sweep's period (60 s) plus its largest jitter (10 %).
      await vi.advanceTimersByTimeAsync(66 * SECOND);
      expect(entriesOf(tc.core, 'auth.session.expired')).toHaveLength(1);
      await tc.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('auth.logout', () => {
  it('ends the session and logs it', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const other = tc.client();
    tc.clock.advance(SECOND); // so that the sessions list in sign-in order
    unwrap(await other.call('auth.login', { username: 'admin', password: ADMIN.password }));

    expect(unwrap(await admin.call('auth.logout', undefined))).toBeNull();
    expect(admin.ctx.sessionToken).toBeNull();
    expect(entriesOf(tc.core, 'auth.logout')[0]).toMatchObject({
      actor: { name: ADMIN.displayName },
      description: 'admin signed out',
    });
    // The old token is dead even if someone kept it; the other session lives on.
    const stolen = tc.client();
    const [firstSession] = sessionRows(tc);
    expect(firstSession?.end_reason).toBe('logout');
    stolen.ctx.sessionToken = other.ctx.sessionToken;
    unwrap(await stolen.call('sessions.listMine', undefined));
    failure(await admin.call('auth.logout', undefined), 'unauthenticated');
  });
});

describe('auth.changePassword', () => {
  it('refuses a wrong current password and logs it', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const error = failure(
      await admin.call('auth.changePassword', {
        currentPassword: 'not the password',
        newPassword: 'a brand new password',
      }),
      'invalid_credentials',
    );
    expect(error.message).toBe('The current password is wrong.');
    expect(entriesOf(tc.core, 'auth.password.change_failed')[0]).toMatchObject({
      outcome: 'failure',
      description: 'admin failed to change their password: current password wrong',
    });
    unwrap(await tc.client().call('auth.login', { username: 'admin', password: ADMIN.password }));
  });

  it('changes the password and ends the other sessions of the account', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const laptop = tc.client({ ip: '10.0.0.99' });
    unwrap(await laptop.call('auth.login', { username: 'admin', password: ADMIN.password }));
    const newPassword = 'a brand new password';

    unwrap(
      await admin.call('auth.changePassword', { currentPassword: ADMIN.password, newPassword }),
    );
    unwrap(await admin.call('sessions.listMine', undefined));
    failure(await laptop.call('sessions.listMine', undefined), 'unauthenticated');
    expect(entriesOf(tc.core, 'auth.password.changed')[0]).toMatchObject({
      description: 'admin changed their password',
      details: { otherSessionsEnded: 1 },
    });
    failure(
      await tc.client().call('auth.login', { username: 'admin', password: ADMIN.password }),
      'invalid_credentials',
    );
    unwrap(await tc.client().call('auth.login', { username: 'admin', password: newPassword }));
    expect(
      JSON.stringify(tc.core.sqlite.prepare('SELECT * FROM activity_log').all()),
    ).not.toContain(newPassword);
  });

  it('refuses the same password again, and a too short one, changing nothing', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const before = dbSnapshot(tc.core);
    failure(
      await admin.call('auth.changePassword', {
        currentPassword: ADMIN.password,
        newPassword: ADMIN.password,
      }),
      'validation',
    );
    const short = failure(
      await admin.call('auth.changePassword', {
        currentPassword: ADMIN.password,
        newPassword: 'short',
      }),
      'validation',
    );
    expect(short.message).toBe('newPassword: Password must be at least 10 characters');
    expect(dbSnapshot(tc.core)).toBe(before);
  });

  it('clears "must change password" after a reset', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client } = await addStaff(tc, admin, 'carol', 'cashier', undefined, {
      keepTemporaryPassword: true,
    });
    expect(unwrap(await client.call('auth.status', undefined)).user?.mustChangePassword).toBe(true);
    unwrap(
      await client.call('auth.changePassword', {
        currentPassword: temporaryPassword('carol'),
        newPassword: 'carol chose this one',
      }),
    );
    expect(unwrap(await client.call('auth.status', undefined)).user?.mustChangePassword).toBe(
      false,
    );
  });
});

describe('sessions.listMine / listAll / end', () => {
  it('lists one’s own sessions, marks the current one, and lets one end another', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: desk } = await addStaff(tc, admin, 'carol', 'cashier', { ip: '10.0.3.1' });
    const phone = tc.client({ ip: '10.0.3.2', workstation: 'Safari 19 on iPhone' });
    tc.clock.advance(SECOND);
    unwrap(await phone.call('auth.login', { username: 'carol', password: staffPassword('carol') }));

    const mine = unwrap(await desk.call('sessions.listMine', undefined));
    expect(mine.map((s) => [s.username, s.ip, s.current])).toEqual([
      ['carol', '10.0.3.2', false],
      ['carol', '10.0.3.1', true],
    ]);
    const phoneSession = mine.find((s) => !s.current);
    if (!phoneSession) throw new Error('no phone session');
    unwrap(await desk.call('sessions.end', { sessionId: phoneSession.id }));
    failure(await phone.call('sessions.listMine', undefined), 'unauthenticated');
    expect(entriesOf(tc.core, 'auth.session.ended')[0]).toMatchObject({
      description: 'carol ended one of their sessions',
      details: { sessionId: phoneSession.id, ip: '10.0.3.2', workstation: 'Safari 19 on iPhone' },
    });
    expect(unwrap(await desk.call('sessions.listMine', undefined))).toHaveLength(1);
    // Ending it again is harmless and logs nothing more.
    unwrap(await desk.call('sessions.end', { sessionId: phoneSession.id }));
    expect(entriesOf(tc.core, 'auth.session.ended')).toHaveLength(1);
    failure(await desk.call('sessions.end', { sessionId: 'no-such-session' }), 'not_found');
  });

  it('denies ending someone else’s session without sessions.manage, and logs the denial', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: cashier } = await addStaff(tc, admin, 'carol', 'cashier');
    const adminSession = unwrap(await admin.call('sessions.listMine', undefined))[0];
    if (!adminSession) throw new Error('no admin session');

    failure(await cashier.call('sessions.listAll', undefined), 'forbidden');
    const error = failure(
      await cashier.call('sessions.end', { sessionId: adminSession.id }),
      'forbidden',
    );
    expect(error.message).toBe('Your role (cashier) may not do this.');
    unwrap(await admin.call('sessions.listMine', undefined));
    expect(entriesOf(tc.core, 'auth.permission.denied').map((e) => e.description)).toEqual([
      'carol was denied sessions.listAll (needs sessions.manage)',
      'carol was denied sessions.end (needs sessions.manage)',
    ]);
    expect(entriesOf(tc.core, 'auth.session.ended')).toHaveLength(0);
  });

  it('lets an administrator list and end anyone’s session', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: cashier } = await addStaff(tc, admin, 'carol', 'cashier');
    tc.clock.advance(HOUR / 4);
    const all = unwrap(await admin.call('sessions.listAll', undefined));
    expect(all.map((s) => s.username).sort()).toEqual(['admin', 'carol']);
    const carols = all.find((s) => s.username === 'carol');
    if (!carols) throw new Error('no session of carol');
    expect(carols.current).toBe(false);

    unwrap(await admin.call('sessions.end', { sessionId: carols.id }));
    failure(await cashier.call('sessions.listMine', undefined), 'unauthenticated');
    expect(entriesOf(tc.core, 'auth.session.ended')[0]).toMatchObject({
      actor: { name: ADMIN.displayName },
      description: 'admin ended a session of carol',
      target: { type: 'staff', label: 'carol' },
    });
    expect(unwrap(await admin.call('sessions.listAll', undefined)).map((s) => s.username)).toEqual([
      'admin',
    ]);
  });
});
