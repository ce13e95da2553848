import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSettingsRepo } from '../settings/settings.repo';
import { failedLogins } from '../test-support/activity-fixtures';
import {
  signInAdmin,
  TASKS_FROM_SOURCE,
  testCore,
  unwrap,
  type TestCore,
} from '../test-support/test-core';
import { ACTIVITY_COLUMNS } from './activity-row';
import { AUDIT_KEYS, readChainAnchor } from './chain-anchor';

/** What an archive file is made of: entries, checkpoints up to `lastId`, chain start, key. */
const contentsOf = (sqlite: Database.Database, lastId: number) => ({
  entries: sqlite
    .prepare(`SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id <= ? ORDER BY id`)
    .raw()
    .all(lastId),
  checkpoints: sqlite
    .prepare(
      `SELECT upto_id, head_hash, created_at, note, signature FROM activity_checkpoints
       WHERE upto_id <= ? ORDER BY upto_id`,
    )
    .all(lastId),
  publicKey: createSettingsRepo(sqlite).get(AUDIT_KEYS.publicKey),
});

describe('archive copy', () => {
  it('makes the same archive on a task thread as on the main thread: the live entries, row for row', async () => {
    for (const threads of [true, false]) {
      const tc: TestCore = testCore(threads ? { taskThreads: TASKS_FROM_SOURCE } : {});
      const admin = await signInAdmin(tc);
      failedLogins(tc, 1_500); // two copy batches
      tc.clock.advance(60_000);
      const before = tc.clock.now();
      const lastId = Number(
        tc.core.sqlite.prepare('SELECT max(id) FROM activity_log').pluck().get(),
      );
      const anchor = readChainAnchor(tc.core.sqlite);
      const live = contentsOf(tc.core.sqlite, lastId);

      const result = unwrap(await admin.call('activity.archive', { before }));
      expect(result).toMatchObject({ firstId: 1, lastId, entries: lastId });
      const archive = new Database(join(tc.dataDir, 'archives', result.file), { readonly: true });
      try {
        const copied = contentsOf(archive, lastId);
        expect(copied.entries).toEqual(live.entries);
        expect(copied.publicKey).toBe(live.publicKey);
        expect(readChainAnchor(archive)).toEqual(anchor);
        // The checkpoint the run signed at its last entry, and every one before it.
        expect(copied.checkpoints).toEqual(contentsOf(tc.core.sqlite, lastId).checkpoints);
        expect(copied.checkpoints.length).toBeGreaterThan(0);
      } finally {
        archive.close();
      }
    }
  }, 60_000); // a task thread started from source for the copy and one for the check
});
