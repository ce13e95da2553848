import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChainAppender } from '../activity/activity-insert';
import { chainedRow } from '../test-support/chained-row';
import { MIGRATIONS_FOLDER, T0, tempDirForTest } from '../test-support/test-core';
import { openDatabase } from './open-database';
import { createWriteUpkeep } from './write-upkeep';

const entry = (i: number) =>
  chainedRow({ ts: T0 + i, description: `Entry number ${String(i)} about kisumu` });

describe('write upkeep', () => {
  it('takes WAL checkpoints and index merges out of commits and does them in ticks', () => {
    const db = openDatabase({
      file: join(tempDirForTest('upkeep'), 'ispdesk.db'),
      migrationsFolder: MIGRATIONS_FOLDER,
    });
    const upkeep = createWriteUpkeep(db.sqlite);
    upkeep.hold();
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(
      db.sqlite.prepare("SELECT v FROM activity_fts_config WHERE k = 'automerge'").pluck().get(),
    ).toBe(0);

    // One entry per commit, as the app writes them: each leaves a level-0 index segment.
    const appender = createChainAppender(db.sqlite);
    for (let i = 1; i <= 12; i++) db.sqlite.transaction(() => appender.append([entry(i)]))();

    const first = upkeep.tick();
    expect(first.walPages).toBeGreaterThan(0);
    expect(first.merged).toBe(true);
    let ticks = 1;
    while (upkeep.tick().merged) ticks++;
    expect(ticks).toBeLessThan(20);
    expect(upkeep.tick().merged).toBe(false);

    db.sqlite.exec("INSERT INTO activity_fts(activity_fts) VALUES('integrity-check')");
    const found = db.sqlite
      .prepare("SELECT count(*) FROM activity_fts WHERE activity_fts MATCH 'kisumu'")
      .pluck()
      .get();
    expect(found).toBe(12);
    db.close();
  });
});
