import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { toFailure } from '../../transport/errors';
import { makeClient, makePlan, officeCore, officeSnapshot } from '../test-support/office-fixtures';
import { STORAGE_FULL_MESSAGE } from '../shared/storage-full';
import { ADMIN, createCapturingLogger, failure, unwrap } from '../test-support/test-core';

describe('a full disk', () => {
  it('answers storage_full with what to do, keeps nothing of the call, and refuses sign-in alike', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const client = await makeClient(o.admin, plan.id);
    // SQLite's own limit plays the full disk: the file may not grow by a single page more.
    const pages = o.core.sqlite.pragma('page_count', { simple: true }) as number;
    o.core.sqlite.pragma(`max_page_count = ${String(pages)}`);

    let before = officeSnapshot(o.core, { withLog: true });
    let refused = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const r = await o.cashier.call('billing.pay', {
        clientId: client.id,
        amount: 1_000,
        method: 'cash',
        note: `payment ${String(i)} `.repeat(20),
      });
      if (r.ok) before = officeSnapshot(o.core, { withLog: true });
      else refused = r;
    }
    if (!refused) throw new Error('the database never filled up');
    expect(failure(refused, 'storage_full')).toEqual({
      code: 'storage_full',
      message: 'The disk holding the data folder is full. Free space; nothing was saved.',
    });
    // Nothing of the refused payment was kept: ledger, receipt, balance and log are as before.
    expect(officeSnapshot(o.core, { withLog: true })).toBe(before);
    expect(o.tc.logger.lines.at(-1)).toMatchObject({
      level: 'error',
      message: 'billing.pay failed: the disk is full',
    });

    // A sign-in writes less than that payment (a session and one entry), so it may still fit in
    // the last page's free space: sign in until the file has no room, then it fails the same way.
    let signIn = null;
    for (let i = 0; i < 200 && !signIn; i++) {
      const r = await o.tc.client().call('auth.login', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      if (!r.ok) signIn = r;
    }
    if (!signIn) throw new Error('sign-in never ran out of room');
    expect(failure(signIn, 'storage_full').message).toBe(STORAGE_FULL_MESSAGE);

    // Space again: the same payment goes through.
    o.core.sqlite.pragma(`max_page_count = ${String(pages * 4)}`);
    unwrap(
      await o.cashier.call('billing.pay', { clientId: client.id, amount: 1_000, method: 'cash' }),
    );
  });

  it('maps SQLite FULL and I/O errors and ENOSPC to storage_full; anything else stays internal', () => {
    const logger = createCapturingLogger();
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    const cases: [unknown, string][] = [
      [new Database.SqliteError('database or disk is full', 'SQLITE_FULL'), 'storage_full'],
      [new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'), 'storage_full'],
      [new Database.SqliteError('disk I/O error', 'SQLITE_IOERR'), 'storage_full'],
      [enospc, 'storage_full'],
      [new Error('copy failed', { cause: enospc }), 'storage_full'],
      [new Database.SqliteError('no such table: x', 'SQLITE_ERROR'), 'internal'],
      [new Database.SqliteError('constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'), 'internal'],
      [new Error('boom'), 'internal'],
    ];
    for (const [error, code] of cases) {
      const r = toFailure(error, logger, 'billing.pay');
      expect(r.ok ? null : r.error.code).toBe(code);
      if (code === 'storage_full') expect(r.ok ? null : r.error.message).toBe(STORAGE_FULL_MESSAGE);
    }
  });
});
