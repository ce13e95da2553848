import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  addStaff,
  dbSnapshot,
  entriesOf,
  failure,
  logRows,
  signInAdmin,
  staffPassword,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';

const login = (tc: TestCore, username: string, password = staffPassword(username)) =>
  tc.client().call('auth.login', { username, password });

describe('staff management', () => {
  it('creates an account that must change its password, and logs the after values', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const created = unwrap(
      await admin.call('staff.create', {
        username: 'Carol.K',
        displayName: ' Carol Kamau ',
        role: 'cashier',
        password: 'initial password 1',
      }),
    );
    expect(created).toMatchObject({
      username: 'carol.k',
      displayName: 'Carol Kamau',
      role: 'cashier',
      disabled: false,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      createdAt: tc.clock.now(),
    });
    const [entry] = entriesOf(tc.core, 'staff.created');
    expect(entry).toMatchObject({
      type: 'administrative',
      category: 'staff',
      actor: { name: ADMIN.displayName },
      description: 'admin created staff account "carol.k" with role cashier',
      target: { type: 'staff', id: String(created.id), label: 'carol.k' },
      details: {
        after: {
          username: 'carol.k',
          displayName: 'Carol Kamau',
          role: 'cashier',
          disabled: false,
        },
      },
    });
    expect(JSON.stringify(logRows(tc.core))).not.toContain('initial password 1');
    const user = unwrap(await login(tc, 'carol.k', 'initial password 1'));
    expect(user.mustChangePassword).toBe(true);

    const duplicate = failure(
      await admin.call('staff.create', {
        username: 'CAROL.K',
        displayName: 'Another Carol',
        role: 'viewer',
        password: 'another password',
      }),
      'conflict',
    );
    expect(duplicate.message).toBe('The username "carol.k" is already taken.');
  });

  it('updates name, role and status, logging before and after of what changed', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: bob, id } = await addStaff(tc, admin, 'bob', 'cashier');

    const updated = unwrap(
      await admin.call('staff.update', { id, displayName: 'Robert', role: 'technician' }),
    );
    expect(updated).toMatchObject({ displayName: 'Robert', role: 'technician' });
    const [entry] = entriesOf(tc.core, 'staff.updated');
    expect(entry).toMatchObject({
      description:
        'admin changed staff account "bob": Name Bob Staff → Robert, Role Cashier → Technician',
      details: {
        before: { displayName: 'Bob Staff', role: 'cashier' },
        after: { displayName: 'Robert', role: 'technician' },
      },
    });
    // The new role applies to the open session at once.
    expect(unwrap(await bob.call('auth.status', undefined)).user?.role).toBe('technician');

    // A change to the same values changes nothing and logs nothing.
    unwrap(await admin.call('staff.update', { id, displayName: 'Robert' }));
    expect(entriesOf(tc.core, 'staff.updated')).toHaveLength(1);

    // Disabling ends the account's sessions and bars sign-in.
    unwrap(await admin.call('staff.update', { id, disabled: true }));
    expect(entriesOf(tc.core, 'staff.updated')[1]?.details).toEqual({
      before: { disabled: false },
      after: { disabled: true },
    });
    failure(await bob.call('sessions.listMine', undefined), 'unauthenticated');
    failure(await login(tc, 'bob'), 'invalid_credentials');
    unwrap(await admin.call('staff.update', { id, disabled: false }));
    unwrap(await login(tc, 'bob'));

    failure(await admin.call('staff.update', { id: 999, role: 'viewer' }), 'not_found');
  });

  it('keeps at least one active administrator', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const me = unwrap(await admin.call('auth.status', undefined)).user?.staffId ?? 0;
    const before = dbSnapshot(tc.core);

    const demote = failure(
      await admin.call('staff.update', { id: me, role: 'viewer' }),
      'conflict',
    );
    expect(demote.message).toBe('At least one active administrator must remain.');
    failure(await admin.call('staff.update', { id: me, disabled: true }), 'conflict');
    expect(dbSnapshot(tc.core)).toBe(before);

    const { client: second, id: secondId } = await addStaff(tc, admin, 'root2', 'administrator');
    // One may not disable oneself, even with another administrator around.
    const self = failure(await admin.call('staff.update', { id: me, disabled: true }), 'conflict');
    expect(self.message).toBe('You cannot disable your own account.');

    // With two active administrators, one may go.
    unwrap(await second.call('staff.update', { id: me, disabled: true }));
    failure(await second.call('staff.update', { id: secondId, role: 'cashier' }), 'conflict');
    // A disabled administrator does not count as the one that remains.
    expect(
      tc.core.sqlite.prepare("SELECT count(*) AS n FROM staff WHERE role = 'administrator'").get(),
    ).toEqual({ n: 2 });
    unwrap(await second.call('staff.update', { id: me, disabled: false }));
    unwrap(await second.call('staff.update', { id: secondId, role: 'cashier' }));
    expect(entriesOf(tc.core, 'staff.updated').map((e) => e.description)).toEqual([
      'root2 changed staff account "admin": Disabled No → Yes',
      'root2 changed staff account "admin": Disabled Yes → No',
      'root2 changed staff account "root2": Role Administrator → Cashier',
    ]);
  });

  it('resets a password: ends the sessions, clears the lock, logs before and after', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: bob, id } = await addStaff(tc, admin, 'bob', 'cashier');
    for (let i = 0; i < 5; i++) {
      failure(
        await tc.client({ ip: `10.8.0.${String(i)}` }).call('auth.login', {
          username: 'bob',
          password: 'guess guess',
        }),
        'invalid_credentials',
      );
    }
    const locked = unwrap(await admin.call('staff.list', undefined)).find((s) => s.id === id);
    expect(locked?.lockedUntil).not.toBeNull();

    const reset = unwrap(
      await admin.call('staff.resetPassword', { id, newPassword: 'temporary pass 9' }),
    );
    expect(reset).toMatchObject({ mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    failure(await bob.call('sessions.listMine', undefined), 'unauthenticated');
    failure(await login(tc, 'bob'), 'invalid_credentials');
    unwrap(await login(tc, 'bob', 'temporary pass 9'));

    const [entry] = entriesOf(tc.core, 'staff.password_reset');
    expect(entry).toMatchObject({
      description: 'admin reset the password of "bob"',
      target: { type: 'staff', id: String(id), label: 'bob' },
      details: {
        before: { failedLogins: 5, lockedUntil: locked?.lockedUntil },
        after: { failedLogins: 0, lockedUntil: null },
        sessionsEnded: 1,
      },
    });
    expect(JSON.stringify(logRows(tc.core))).not.toContain('temporary pass 9');
  });

  it('unlocks a locked account and logs before and after', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { id } = await addStaff(tc, admin, 'bob', 'cashier');
    for (let i = 0; i < 5; i++) {
      await tc.client({ ip: `10.8.1.${String(i)}` }).call('auth.login', {
        username: 'bob',
        password: 'guess guess',
      });
    }
    failure(await login(tc, 'bob'), 'invalid_credentials');
    const lockedUntil = unwrap(await admin.call('staff.list', undefined)).find(
      (s) => s.id === id,
    )?.lockedUntil;
    expect(lockedUntil).toBeGreaterThan(tc.clock.now());

    expect(unwrap(await admin.call('staff.unlock', { id }))).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
    });
    unwrap(await login(tc, 'bob'));
    expect(entriesOf(tc.core, 'staff.unlocked')[0]).toMatchObject({
      description: 'admin unlocked staff account "bob"',
      details: {
        before: { failedLogins: 5, lockedUntil },
        after: { failedLogins: 0, lockedUntil: null },
      },
    });
    failure(await admin.call('staff.unlock', { id: 404 }), 'not_found');
  });

  it('denies staff.list to a viewer: forbidden, nothing changed, the denial logged', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const { client: viewer, id } = await addStaff(tc, admin, 'vera', 'viewer', { ip: '10.0.4.4' });
    const before = logRows(tc.core);
    const staffBefore = tc.core.sqlite.prepare('SELECT * FROM staff ORDER BY id').all();

    const error = failure(await viewer.call('staff.list', undefined), 'forbidden');
    expect(error.message).toBe('Your role (viewer) may not do this.');
    for (const call of [
      viewer.call('staff.create', {
        username: 'sneaky',
        displayName: 'Sneaky',
        role: 'administrator',
        password: 'sneaky password',
      }),
      viewer.call('staff.update', { id, role: 'administrator' }),
      viewer.call('staff.resetPassword', { id: 1, newPassword: 'owned owned owned' }),
      viewer.call('staff.unlock', { id }),
      viewer.call('sessions.listAll', undefined),
    ]) {
      failure(await call, 'forbidden');
    }

    expect(tc.core.sqlite.prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(staffBefore);
    const after = logRows(tc.core);
    expect(after.slice(0, before.length)).toEqual(before);
    const denied = after.slice(before.length).map((r) => r.event);
    expect(denied).toEqual(Array.from({ length: 6 }, () => 'auth.permission.denied'));
    expect(entriesOf(tc.core, 'auth.permission.denied')[0]).toMatchObject({
      type: 'user',
      outcome: 'failure',
      actor: { id, name: 'Vera Staff' },
      ip: '10.0.4.4',
      description: 'vera was denied staff.list (needs staff.manage)',
      details: { procedure: 'staff.list', permission: 'staff.manage', role: 'viewer' },
    });
    // What a viewer may do still works.
    unwrap(await viewer.call('activity.search', { filter: {} }));
  });
});
