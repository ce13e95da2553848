import { describe, expect, it } from 'vitest';
import type { ActivityRecorded } from '../../contract/schemas/activity';
import { permissionsOf } from '../../domain/permissions';
import type { Actor, ServiceContext } from '../shared/context';
import {
  TEST_HOST,
  entriesOf,
  lastEntry,
  logEntries,
  logRows,
  signInAdmin,
  testCore,
  type TestCore,
} from '../test-support/test-core';
import { REDACTED } from './redact';
import { verifyChain } from './verify-chain';

const actor = (staffId: number, displayName = `Staff ${String(staffId)}`): Actor => ({
  staffId,
  username: `staff${String(staffId)}`,
  displayName,
  role: 'administrator',
  permissions: permissionsOf('administrator'),
  sessionId: `session-${String(staffId)}`,
});

const ctxOf = (a: Actor | null, ip: string | null = '10.1.2.3'): ServiceContext => ({
  actor: a,
  ip,
  workstation: 'Till 2',
  correlationId: 'corr-1',
});

/** Appends `n` ordinary entries through the recorder, one second apart on the fake clock. */
const recordLogins = (tc: TestCore, n: number): void => {
  for (let i = 0; i < n; i++) {
    tc.clock.advance(1_000);
    tc.core.recorder.record({
      event: 'auth.login.succeeded',
      params: { username: `user${String(i)}` },
      ctx: ctxOf(actor(1 + (i % 3))),
    });
  }
};

describe('activity log storage', () => {
  it('refuses UPDATE and DELETE of entries (append-only)', () => {
    const tc = testCore();
    recordLogins(tc, 3);
    const before = logRows(tc.core);
    expect(() =>
      tc.core.sqlite
        .prepare("UPDATE activity_log SET description = 'nothing happened' WHERE id = 2")
        .run(),
    ).toThrow(/append-only/);
    expect(() => tc.core.sqlite.prepare('DELETE FROM activity_log WHERE id = 2').run()).toThrow(
      /append-only/,
    );
    expect(() => tc.core.sqlite.prepare('DELETE FROM activity_log').run()).toThrow(/append-only/);
    expect(logRows(tc.core)).toEqual(before);
  });

  it('chains every entry to the one before it; the chain verifies', async () => {
    const tc = testCore();
    recordLogins(tc, 25);
    const rows = logRows(tc.core);
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.row_hash.toString('hex'))).size).toBe(25);
    await expect(verifyChain(tc.core.sqlite)).resolves.toEqual({
      ok: true,
      checked: 25,
      firstBadId: null,
      reason: null,
    });
  });

  it('names the entry whose row was altered in the file', async () => {
    const tc = testCore();
    recordLogins(tc, 10);
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_update');
    tc.core.sqlite
      .prepare("UPDATE activity_log SET description = 'nothing to see' WHERE id = 7")
      .run();
    const result = await verifyChain(tc.core.sqlite);
    expect(result).toMatchObject({ ok: false, checked: 6, firstBadId: 7 });
    expect(result.reason).toMatch(/Entry 7 does not verify/);
    expect(result.reason).toMatch(/altered/);
  });

  it('names an altered hash too (an attacker rewriting one row_hash)', async () => {
    const tc = testCore();
    recordLogins(tc, 5);
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_update');
    tc.core.sqlite.prepare('UPDATE activity_log SET row_hash = zeroblob(32) WHERE id = 3').run();
    await expect(verifyChain(tc.core.sqlite)).resolves.toMatchObject({ ok: false, firstBadId: 3 });
  });

  it('names the gap where an entry was deleted', async () => {
    const tc = testCore();
    recordLogins(tc, 10);
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_delete');
    tc.core.sqlite.prepare('DELETE FROM activity_log WHERE id IN (4, 5)').run();
    const result = await verifyChain(tc.core.sqlite);
    expect(result).toMatchObject({ ok: false, checked: 3, firstBadId: 6 });
    expect(result.reason).toMatch(/entries 4–5 are missing/);
  });

  it('notices a deleted first entry', async () => {
    const tc = testCore();
    recordLogins(tc, 3);
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_delete');
    tc.core.sqlite.prepare('DELETE FROM activity_log WHERE id = 1').run();
    await expect(verifyChain(tc.core.sqlite)).resolves.toMatchObject({ ok: false, firstBadId: 2 });
  });

  it('verifies a chain longer than one verification batch', async () => {
    const tc = testCore();
    tc.core.write(() => {
      for (let i = 0; i < 5_001; i++) {
        tc.core.recorder.record({
          event: 'auth.login.failed',
          params: { username: `u${String(i % 97)}`, reason: 'unknown_user' },
          ctx: ctxOf(null),
        });
      }
    });
    const progress: number[] = [];
    const result = await verifyChain(tc.core.sqlite, (n) => progress.push(n));
    expect(result).toEqual({ ok: true, checked: 5_001, firstBadId: null, reason: null });
    expect(progress.at(-1)).toBe(5_001);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('redacts secrets in details, nested ones included', () => {
    const tc = testCore();
    tc.core.recorder.record({
      event: 'staff.updated',
      params: { by: 'admin', username: 'bob', changes: 'x' },
      ctx: ctxOf(actor(1)),
      details: {
        password: 'hunter2-password',
        newPassword: 'new-hunter2',
        token: 'tok-123',
        sessionToken: 'tok-456',
        apiKey: 'key-1',
        api_key: 'key-2',
        clientSecret: 'shh-1',
        pin: '1234',
        before: { displayName: 'Bob', secret: 'shh-2' },
        after: {
          displayName: 'Robert',
          routers: [{ name: 'core', passwd: 'rtr-pass', privateKey: 'pk' }],
        },
        keep: { username: 'bob', pinned: true },
      },
    });
    const entry = lastEntry(tc.core);
    expect(entry?.details).toEqual({
      password: REDACTED,
      newPassword: REDACTED,
      token: REDACTED,
      sessionToken: REDACTED,
      apiKey: REDACTED,
      api_key: REDACTED,
      clientSecret: REDACTED,
      pin: REDACTED,
      before: { displayName: 'Bob', secret: REDACTED },
      after: {
        displayName: 'Robert',
        routers: [{ name: 'core', passwd: REDACTED, privateKey: REDACTED }],
      },
      keep: { username: 'bob', pinned: true },
    });
    const stored = logRows(tc.core).at(-1)?.details ?? '';
    for (const secret of ['hunter2', 'tok-', 'key-', 'shh-', '1234', 'rtr-pass', '"pk"']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('writes System events without an actor and with the host address', async () => {
    const tc = testCore();
    tc.core.recorder.record({
      event: 'auth.account.locked',
      params: { username: 'bob', failures: 5, lockSeconds: 30 },
      ctx: ctxOf(actor(4), '10.9.9.9'),
    });
    tc.core.start();
    const [locked, started] = logEntries(tc.core);
    expect(locked).toMatchObject({
      type: 'system',
      actor: null,
      ip: TEST_HOST.ip,
      workstation: TEST_HOST.name,
      correlationId: 'corr-1',
    });
    expect(started).toMatchObject({
      event: 'system.started',
      type: 'system',
      actor: null,
      ip: TEST_HOST.ip,
      description: 'ISP Desk test started (test)',
    });
    await tc.close();
  });

  it('writes User entries with the actor and the caller’s address', () => {
    const tc = testCore();
    tc.core.recorder.record({
      event: 'auth.logout',
      params: { username: 'staff7' },
      ctx: ctxOf(actor(7, 'Seven Staff'), '10.7.7.7'),
      target: { type: 'staff', id: 7, label: 'staff7' },
      clientId: 42,
      routerId: 3,
    });
    expect(lastEntry(tc.core)).toMatchObject({
      type: 'user',
      category: 'authentication',
      event: 'auth.logout',
      outcome: 'success',
      actor: { id: 7, name: 'Seven Staff' },
      ip: '10.7.7.7',
      workstation: 'Till 2',
      description: 'staff7 signed out',
      target: { type: 'staff', id: '7', label: 'staff7' },
      clientId: 42,
      routerId: 3,
      details: null,
    });
  });

  it('never lets a timestamp go backwards, even when the clock does', () => {
    const tc = testCore();
    tc.core.recorder.record({
      event: 'auth.logout',
      params: { username: 'a' },
      ctx: ctxOf(actor(1)),
    });
    const first = lastEntry(tc.core)?.ts ?? 0;
    tc.clock.advance(-3_600_000); // the PC's clock was set back an hour
    tc.core.recorder.record({
      event: 'auth.logout',
      params: { username: 'b' },
      ctx: ctxOf(actor(1)),
    });
    tc.clock.advance(3_600_000 + 5_000);
    tc.core.recorder.record({
      event: 'auth.logout',
      params: { username: 'c' },
      ctx: ctxOf(actor(1)),
    });
    const ts = logEntries(tc.core).map((e) => e.ts);
    expect(ts).toEqual([first, first, first + 5_000]);
  });

  it('keeps entries and the change they describe in one transaction', () => {
    const tc = testCore();
    const seen: ActivityRecorded[] = [];
    tc.core.events.on('activity.recorded', (p) => seen.push(p));
    expect(() =>
      tc.core.write(() => {
        tc.core.recorder.record({
          event: 'auth.logout',
          params: { username: 'a' },
          ctx: ctxOf(actor(1)),
        });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(logRows(tc.core)).toHaveLength(0);
    expect(seen).toEqual([]);

    tc.core.write(() => {
      tc.core.recorder.record({
        event: 'auth.logout',
        params: { username: 'a' },
        ctx: ctxOf(actor(1)),
      });
      tc.core.recorder.record({
        event: 'staff.password_reset',
        params: { by: 'admin', username: 'b' },
        ctx: ctxOf(actor(1)),
      });
      tc.core.recorder.record({
        event: 'auth.logout',
        params: { username: 'b' },
        ctx: ctxOf(actor(1)),
      });
    });
    // One notice once the transaction commits, its entries counted per category.
    expect(seen).toEqual([
      {
        lastId: 3,
        count: 3,
        categories: { authentication: { lastId: 3, count: 2 }, staff: { lastId: 2, count: 1 } },
      },
    ]);
    // The rolled-back attempt left no hole in the ids.
    expect(logRows(tc.core).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('logs setup and sign-in as described entries (the log is what people read)', async () => {
    const tc = testCore();
    await signInAdmin(tc);
    expect(entriesOf(tc.core, 'auth.setup.completed')[0]?.description).toBe(
      'First administrator "admin" created at first-run setup',
    );
    expect(entriesOf(tc.core, 'auth.login.succeeded')[0]?.description).toBe('admin signed in');
  });
});
