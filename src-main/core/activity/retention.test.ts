import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  failure,
  HOUR,
  logRows,
  signInAdmin,
  testCore,
  unwrap,
} from '../test-support/test-core';
import { verifyChain } from './verify-chain';

const DAY = 24 * HOUR;

/** An admin and ten days of sign-ins, one a day, so that there is history to archive. */
const withHistory = async () => {
  const tc = testCore();
  let admin = await signInAdmin(tc);
  for (let day = 0; day < 10; day++) {
    tc.clock.advance(DAY);
    admin = tc.client({ ip: `10.0.0.${String(day + 1)}` });
    unwrap(await admin.call('auth.login', { username: 'admin', password: ADMIN.password }));
  }
  return { tc, admin };
};

describe('retention: archive, verify, then prune', () => {
  it('moves old entries into a verified archive and keeps the live chain verifiable', async () => {
    const { tc, admin } = await withHistory();
    const before = tc.clock.now() - 4 * DAY;
    const oldIds = logRows(tc.core)
      .filter((r) => r.ts < before)
      .map((r) => r.id);
    expect(oldIds.length).toBeGreaterThan(5);

    const result = unwrap(await admin.call('activity.archive', { before }));
    expect(result).toMatchObject({
      firstId: 1,
      lastId: Math.max(...oldIds),
      entries: oldIds.length,
    });

    const live = logRows(tc.core);
    expect(live[0]?.id).toBe(result.lastId + 1);
    expect(live.some((r) => r.event === 'activity.archived')).toBe(true);
    expect(await verifyChain(tc.core.sqlite)).toMatchObject({ ok: true });
    expect(unwrap(await admin.call('activity.verify', undefined)).ok).toBe(true);

    const [archive] = unwrap(await admin.call('activity.archives', undefined));
    expect(archive?.name).toBe(result.file);
    expect(unwrap(await admin.call('activity.verify', { archive: result.file }))).toMatchObject({
      ok: true,
      checked: oldIds.length,
    });
    const found = unwrap(
      await admin.call('activity.search', { filter: { ip: '10.0.0.1' }, archive: result.file }),
    );
    expect(found.entries.map((e) => e.event)).toContain('auth.login.succeeded');
  });

  it('detects tampering in the archive and in the live log after a prune', async () => {
    const { tc, admin } = await withHistory();
    const result = unwrap(
      await admin.call('activity.archive', { before: tc.clock.now() - 4 * DAY }),
    );
    const file = join(tc.dataDir, 'archives', result.file);
    expect(existsSync(file)).toBe(true);

    const archive = new Database(file);
    archive.exec('DROP TRIGGER activity_log_no_update');
    archive.prepare("UPDATE activity_log SET description = 'nothing happened' WHERE id = 3").run();
    expect(await verifyChain(archive)).toMatchObject({ ok: false, firstBadId: 3 });
    archive.close();

    const victim = result.lastId + 2;
    tc.core.sqlite.exec('DROP TRIGGER activity_log_no_update');
    tc.core.sqlite.prepare("UPDATE activity_log SET ip = '6.6.6.6' WHERE id = ?").run(victim);
    expect(unwrap(await admin.call('activity.verify', undefined))).toMatchObject({
      ok: false,
      firstBadId: victim,
    });
  });

  it('refuses a chain whose start was moved off its signed checkpoint', async () => {
    const { tc, admin } = await withHistory();
    const result = unwrap(
      await admin.call('activity.archive', { before: tc.clock.now() - 4 * DAY }),
    );
    tc.core.sqlite
      .prepare(
        "UPDATE settings SET value = json_set(value, '$.afterId', ?) WHERE key = 'audit.chain_start'",
      )
      .run(result.lastId + 1);
    expect(await verifyChain(tc.core.sqlite)).toMatchObject({ ok: false });
  });

  it('has nothing to archive before the first entry, and no other path deletes entries', async () => {
    const { tc, admin } = await withHistory();
    failure(await admin.call('activity.archive', { before: 1 }), 'validation');
    expect(() => tc.core.sqlite.prepare('DELETE FROM activity_log WHERE id = 1').run()).toThrow(
      /append-only/,
    );
  });

  it('continues the chain from the checkpoint when archiving emptied the live log', async () => {
    const { tc, admin } = await withHistory();
    const result = unwrap(await admin.call('activity.archive', { before: tc.clock.now() + 1 }));
    // The archive run's own entry is the only one left; it follows the archived ones.
    const live = logRows(tc.core);
    expect(live.map((r) => r.id)).toEqual([result.lastId + 1]);
    unwrap(await admin.call('activity.search', { filter: {} }));
    expect(unwrap(await admin.call('activity.verify', undefined))).toMatchObject({ ok: true });
  });
});
