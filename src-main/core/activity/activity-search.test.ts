import { describe, expect, it } from 'vitest';
import type { ActivityFilter } from '../../contract/schemas/activity';
import type { ServiceContext } from '../shared/context';
import {
  dbSnapshot,
  failure,
  signInAdmin,
  testCore,
  unwrap,
  type TestClient,
  type TestCore,
} from '../test-support/test-core';
import { COUNT_CAP } from './activity-search';

const anonymous = (ip: string | null = '10.0.0.9'): ServiceContext => ({
  actor: null,
  ip,
  workstation: null,
  correlationId: 'c',
});

/** Failed sign-ins whose descriptions hold the awkward strings people search for. */
const recordAwkwardEntries = (tc: TestCore): Map<string, number> => {
  const ids = new Map<string, number>();
  for (const username of [
    'ACC-0001',
    'ACC-0002',
    'M-Pesa',
    'host 10.0.0.1',
    'host 10.0.0.15',
    'NEAR(x, y)',
    'quote"inside',
    'émile',
    'Ωmega ✓ 🚀',
  ]) {
    tc.clock.advance(1_000);
    ids.set(
      username,
      tc.core.recorder.record({
        event: 'auth.login.failed',
        params: { username, reason: 'unknown_user' },
        ctx: anonymous(),
      }),
    );
  }
  return ids;
};

const search = async (admin: TestClient, filter: ActivityFilter, limit = 500) =>
  admin.call('activity.search', { filter, limit });

describe('activity.search', () => {
  it('searches any characters without error', async () => {
    const tc = testCore();
    recordAwkwardEntries(tc);
    const admin = await signInAdmin(tc);
    const awkward = [
      '"',
      '""',
      '"""',
      '*',
      '**',
      'NEAR(',
      'NEAR(a b)',
      'ACC-0001',
      '10.0.0.1',
      'M-Pesa',
      'AND',
      'OR NOT',
      'NOT',
      'a AND',
      'a:b',
      'description:',
      'tags:ev_auth_login_failed',
      '(',
      ')',
      '^',
      '^start',
      '"unbalanced',
      'unbalanced"',
      'un"balanced',
      '🚀',
      '✓ 🚀',
      '',
      ' ',
      '-',
      '+',
      '{a b}',
      "'",
      ';DROP TABLE activity_log;--',
      '\\',
      '\u0000',
      'x'.repeat(500),
    ];
    for (const text of awkward) {
      const result = await search(admin, { text });
      expect(result.ok, `text ${JSON.stringify(text)}`).toBe(true);
    }
  });

  it('finds entries by the awkward strings themselves', async () => {
    const tc = testCore();
    const ids = recordAwkwardEntries(tc);
    const admin = await signInAdmin(tc);
    const found = async (text: string) =>
      unwrap(await search(admin, { text })).entries.map((e) => e.id);

    expect(await found('ACC-0001')).toEqual([ids.get('ACC-0001')]);
    expect(await found('acc-0002')).toEqual([ids.get('ACC-0002')]);
    expect(await found('M-Pesa')).toEqual([ids.get('M-Pesa')]);
    expect(await found('m-pes')).toEqual([ids.get('M-Pesa')]); // prefix while typing
    expect(await found('m-pe')).toEqual([]); // too short a prefix: whole words only
    // A whole address is not a prefix of a longer one.
    expect(await found('10.0.0.1')).toEqual([ids.get('host 10.0.0.1')]);
    expect(await found('NEAR(x')).toEqual([ids.get('NEAR(x, y)')]);
    expect(await found('quote"inside')).toEqual([ids.get('quote"inside')]);
    expect(await found('emile')).toEqual([ids.get('émile')]); // diacritics do not matter
    expect(await found('ωmega')).toEqual([ids.get('Ωmega ✓ 🚀')]);
    expect(await found('"no such user" acc')).toEqual([ids.get('ACC-0002'), ids.get('ACC-0001')]);
    expect(await found('nothing-like-this')).toEqual([]);
    // Nothing searchable left: no text filter at all.
    const all = unwrap(await search(admin, { text: '"' }));
    expect(all.total.count).toBe(unwrap(await search(admin, {})).total.count);
  });

  it('pages newest first with a keyset cursor', async () => {
    const tc = testCore();
    for (let i = 0; i < 23; i++) {
      tc.clock.advance(1_000);
      tc.core.recorder.record({
        event: 'auth.login.failed',
        params: { username: `u${String(i)}`, reason: 'unknown_user' },
        ctx: anonymous(),
      });
    }
    const admin = await signInAdmin(tc);
    const filter: ActivityFilter = { events: ['auth.login.failed'] };
    const seen: number[] = [];
    let cursor: number | undefined;
    for (let page = 0; page < 10; page++) {
      const r = unwrap(
        await admin.call('activity.search', { filter, limit: 10, ...(cursor ? { cursor } : {}) }),
      );
      expect(r.total).toEqual({ count: 23, capped: false });
      seen.push(...r.entries.map((e) => e.id));
      if (r.nextCursor === null) break;
      cursor = r.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => 23 - i));
  });

  it('reports a capped count above COUNT_CAP and an exact one below', async () => {
    const tc = testCore();
    tc.core.write(() => {
      for (let i = 0; i < COUNT_CAP + 5; i++) {
        tc.core.recorder.record({
          event: 'auth.login.failed',
          params: { username: `u${String(i)}`, reason: i < 20 ? 'wrong_password' : 'unknown_user' },
          ctx: anonymous(i % 2 === 0 ? '10.0.0.1' : '10.0.0.2'),
        });
      }
    });
    const admin = await signInAdmin(tc);
    const all = unwrap(await search(admin, { events: ['auth.login.failed'] }, 5));
    expect(all.total).toEqual({ count: COUNT_CAP, capped: true });
    expect(all.entries).toHaveLength(5);
    expect(all.nextCursor).toBe(all.entries[4]?.id);

    const exactlyCap = unwrap(
      await search(admin, { events: ['auth.login.failed'], text: 'no such' }),
    );
    expect(exactlyCap.total).toEqual({ count: COUNT_CAP - 15, capped: false });

    const few = unwrap(await search(admin, { text: 'wrong password' }));
    expect(few.total).toEqual({ count: 20, capped: false });
    const half = unwrap(await search(admin, { ip: '10.0.0.2', events: ['auth.login.failed'] }));
    expect(half.total).toEqual({ count: (COUNT_CAP + 5 - 1) / 2, capped: false });
  });

  it('refuses an invalid IP filter with a validation error that says what is allowed', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const before = dbSnapshot(tc.core);
    for (const ip of [
      '10.0.0.256',
      '300.1',
      '10.0.0.0/33',
      '10.0.0/8/1',
      '1.2.3.4.5',
      'abc',
      '10.0.0.0/',
      '::1/64',
      'fe80::1/10',
      '10..0',
      '10.0.0.1 OR 1=1',
    ]) {
      const error = failure(await search(admin, { ip }), 'validation');
      expect(error.message, ip).toMatch(/IP filter must be an address \(10\.0\.0\.1\), a prefix/);
      expect(error.message).not.toMatch(/fts5|syntax|SQLITE/i);
    }
    const blank = failure(await search(admin, { ip: '   ' }), 'validation');
    expect(blank.message).toMatch(/^filter\.ip: /);
    expect(dbSnapshot(tc.core)).toBe(before);
  });

  it('accepts IPv6 and IPv4-mapped addresses', async () => {
    const tc = testCore();
    tc.core.recorder.record({
      event: 'auth.login.failed',
      params: { username: 'v6', reason: 'unknown_user' },
      ctx: anonymous('2001:db8::7'),
    });
    const admin = await signInAdmin(tc);
    for (const ip of ['2001:db8::7', '2001:DB8:0:0::7', '2001:0db8::0007']) {
      expect(
        unwrap(await search(admin, { ip })).entries.map((e) => e.ip),
        ip,
      ).toEqual(['2001:db8::7']);
    }
  });
});
