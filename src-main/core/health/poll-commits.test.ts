import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createWriteTransaction } from '../db/write-transaction';
import { createPollCommits, type PollCommitBatching } from './poll-commits';

/**
 * Poll results in a real SQLite table (`ok` must be 0 or 1: a 2 is a write the database refuses
 * at once; router 99 does not exist: refused at the commit), written through the app's write
 * transaction, whose hooks count commits and rollbacks.
 */
const pollTable = (batching: PollCommitBatching) => {
  const sqlite = new Database(':memory:');
  onTestFinished(() => {
    sqlite.close();
  });
  // A poll of a router that does not exist is refused at the commit (a deferred foreign key).
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec(`
    CREATE TABLE routers (id INTEGER PRIMARY KEY);
    WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 20)
      INSERT INTO routers SELECT id FROM n;
    CREATE TABLE polls (
      router_id INTEGER PRIMARY KEY REFERENCES routers (id) DEFERRABLE INITIALLY DEFERRED,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1))
    );
  `);
  const counts = { committed: 0, rolledBack: 0 };
  const write = createWriteTransaction(sqlite, {
    committed: () => counts.committed++,
    rolledBack: () => counts.rolledBack++,
  });
  /** Polls per committed transaction, as the batcher reports them. */
  const batches: number[] = [];
  const commits = createPollCommits({ write, batching, committed: (n) => batches.push(n) });
  const insert = sqlite.prepare('INSERT INTO polls (router_id, ok) VALUES (?, ?)');
  const poll = (routerId: number, ok = 1) =>
    commits.commit(() => {
      insert.run(routerId, ok);
      return routerId;
    });
  const stored = () =>
    sqlite.prepare('SELECT router_id FROM polls ORDER BY router_id').pluck().all();
  return { counts, batches, poll, stored };
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('health poll commits', () => {
  it('writes the polls that finish in one turn together, at most maxWrites per transaction', async () => {
    const t = pollTable({ maxWrites: 4, budgetMs: Infinity });
    const done = await Promise.all(range(10).map((id) => t.poll(id)));
    expect(done).toEqual(range(10));
    expect(t.batches).toEqual([4, 4, 2]);
    expect(t.counts).toEqual({ committed: 3, rolledBack: 0 });
    expect(t.stored()).toEqual(range(10));

    // A poll that finishes in a later turn goes in a transaction of its own.
    await t.poll(11);
    await Promise.all([t.poll(12), t.poll(13)]);
    expect(t.batches).toEqual([4, 4, 2, 1, 2]);
  });

  it('closes a transaction once it has run its time budget', async () => {
    let now = 0;
    const t = pollTable({
      maxWrites: 100,
      budgetMs: 10,
      elapsed: () => (now += 4), // each poll's write "takes" 4 ms
    });
    await Promise.all(range(7).map((id) => t.poll(id)));
    expect(t.batches).toEqual([3, 3, 1]);
    expect(t.stored()).toEqual(range(7));
  });

  it("a write the database refuses loses only that poll: the others' are committed", async () => {
    const t = pollTable({ maxWrites: 4, budgetMs: Infinity });
    const results = await Promise.allSettled(range(6).map((id) => t.poll(id, id === 2 ? 2 : 1)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(results[1]).toMatchObject({
      reason: { message: expect.stringMatching(/CHECK constraint/) as unknown },
    });
    expect(t.stored()).toEqual([1, 3, 4, 5, 6]);
    // The first transaction stopped at poll 2 and rolled back: poll 1 went again (alone here,
    // as it was the only one before), poll 2 was refused again on its own; 3–6 went together.
    expect(t.batches).toEqual([1, 4]);
    expect(t.counts).toEqual({ committed: 2, rolledBack: 2 });
  });

  it('a batch refused at its commit is written again one poll per transaction', async () => {
    const t = pollTable({ maxWrites: 10, budgetMs: Infinity });
    const results = await Promise.allSettled([1, 2, 99, 3].map((id) => t.poll(id)));
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(results[2]).toMatchObject({
      reason: { message: expect.stringMatching(/FOREIGN KEY constraint/) as unknown },
    });
    expect(t.stored()).toEqual([1, 2, 3]);
    expect(t.batches).toEqual([1, 1, 1]);
  });
});
