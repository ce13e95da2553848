import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { addStaff, signInAdmin, testCore, unwrap } from '../test-support/test-core';
import { verifyChain } from './verify-chain';

/**
 * The README's hash-chain format, written from the documentation alone (this file must not import
 * hash-chain.ts): row_hash = SHA-256(prev_hash ‖ UTF-8(JSON array)), prev_hash of the first entry
 * is 32 zero bytes, and the array is
 * ["isp-desk/activity/v1", id, ts, type, category, event, outcome, actor_id, actor_name, ip,
 *  workstation, description, target_type, target_id, target_label, client_id, router_id, details,
 *  correlation_id].
 */
const DOCUMENTED_COLUMNS = [
  'id',
  'ts',
  'type',
  'category',
  'event',
  'outcome',
  'actor_id',
  'actor_name',
  'ip',
  'workstation',
  'description',
  'target_type',
  'target_id',
  'target_label',
  'client_id',
  'router_id',
  'details',
  'correlation_id',
] as const;

type StoredRow = Record<(typeof DOCUMENTED_COLUMNS)[number], string | number | null> & {
  row_hash: Buffer;
};

const independentHash = (prev: Buffer, row: StoredRow): Buffer =>
  createHash('sha256')
    .update(prev)
    .update(
      Buffer.from(
        JSON.stringify(['isp-desk/activity/v1', ...DOCUMENTED_COLUMNS.map((c) => row[c])]),
        'utf8',
      ),
    )
    .digest();

const storedRows = (sqlite: Database.Database): StoredRow[] =>
  sqlite
    .prepare<[], StoredRow>(
      `SELECT ${DOCUMENTED_COLUMNS.join(', ')}, row_hash FROM activity_log ORDER BY id`,
    )
    .all();

describe('documented hash-chain format', () => {
  it('reproduces every stored row_hash from the documented canonical form', async () => {
    const tc = testCore();
    // Entries with and without actor, target, details; non-ASCII text; a failed login.
    const admin = await signInAdmin(tc, { ip: '10.0.0.7', workstation: 'Caisse n°2 – Nairobi' });
    await addStaff(tc, admin, 'wanjiru', 'cashier');
    unwrap(await admin.call('staff.update', { id: 2, displayName: 'Wanjirũ “Cash” Kamau ✓' }));
    const stranger = tc.client({ ip: '2001:db8::7', workstation: null });
    await stranger.call('auth.login', { username: 'nobody\u0000"\\', password: 'x' });
    // JSON may carry an unpaired surrogate, which UTF-8 (and so SQLite) cannot hold.
    // (The contract refuses it in typed text now; the recorder must still chain it faithfully.)
    tc.core.recorder.record({
      event: 'auth.login.failed',
      params: { username: 'half \ud83d of a rocket', reason: 'unknown_user' },
      ctx: { actor: null, ip: '2001:db8::7', workstation: null, correlationId: 'c' },
    });
    tc.core.recorder.record({
      event: 'system.started',
      params: { version: '1.2.3', mode: 'test' },
      ctx: { actor: null, ip: null, workstation: null, correlationId: 'c' },
    });

    const rows = storedRows(tc.core.sqlite);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => r.actor_id === null)).toBe(true);
    expect(rows.some((r) => r.details !== null)).toBe(true);
    expect(rows.some((r) => r.target_id !== null)).toBe(true);

    expect(rows.find((r) => String(r.description).includes('half'))?.description).toBe(
      'Failed sign-in as "half \ufffd of a rocket": no such user',
    );
    let prev: Buffer = Buffer.alloc(32);
    for (const row of rows) {
      const expected = independentHash(prev, row);
      expect(row.row_hash.toString('hex'), `row ${String(row.id)}`).toBe(expected.toString('hex'));
      prev = row.row_hash;
    }
    await expect(verifyChain(tc.core.sqlite)).resolves.toMatchObject({ ok: true });
  });

  it('exposes the same hash through activity.get', async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    const rows = storedRows(tc.core.sqlite);
    const first = rows[0];
    if (!first) throw new Error('no rows');
    expect(first.row_hash.equals(independentHash(Buffer.alloc(32), first))).toBe(true);
    const entry = unwrap(await admin.call('activity.get', { id: first.id as number }));
    expect(entry.hash).toBe(first.row_hash.toString('hex'));
  });
});
