import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChainAppender } from '../activity/chain-appender';
import { chainedRow } from '../test-support/chained-row';
import { MIGRATIONS_FOLDER, T0, tempDirForTest } from '../test-support/test-core';
import { openDatabase, WAL_SIZE_LIMIT } from './open-database';
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

  it('keeps the WAL file bounded: cut back when it restarts, emptied when idle', () => {
    const file = join(tempDirForTest('upkeep'), 'ispdesk.db');
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    const walSize = () => statSync(`${file}-wal`).size;
    // The sizes are what this test is about; skipping the fsyncs keeps it quick.
    db.sqlite.pragma('synchronous = OFF');
    const upkeep = createWriteUpkeep(db.sqlite);
    upkeep.hold();
    const appender = createChainAppender(db.sqlite);
    const padding = 'x'.repeat(2_000);
    const burst = (from: number, n: number) => {
      for (let i = from; i < from + n; i++) {
        db.sqlite.transaction(() =>
          appender.append([{ ...entry(i), details: JSON.stringify({ padding }) }]),
        )();
      }
    };
    // A burst between two ticks grows the WAL well past the limit (no auto-checkpoint).
    burst(1, 3_000);
    expect(walSize()).toBeGreaterThan(2 * WAL_SIZE_LIMIT);

    // Writes are still coming in: a passive checkpoint; the WAL restarts at the next commit
    // and is cut back to journal_size_limit.
    const busy = upkeep.tick();
    expect(busy.walPages).toBeGreaterThan(0);
    burst(3_001, 5);
    expect(walSize()).toBeLessThanOrEqual(WAL_SIZE_LIMIT);

    // Idle: the next tick empties it, and the jobs screen is told its size.
    upkeep.tick();
    const idle = upkeep.tick();
    expect(idle.walBytes).toBe(0);
    expect(walSize()).toBe(0);
    db.close();
  });
});
