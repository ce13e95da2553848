import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ActivityFilter } from '../../contract/schemas/activity';
import { openDatabase } from '../db/open-database';
import { chainedRow } from '../test-support/chained-row';
import { MIGRATIONS_FOLDER, T0, tempDirForTest } from '../test-support/test-core';
import { createChainAppender } from './chain-appender';
import { createActivitySearch } from './activity-search';
import type { ChainedRow } from './hash-chain';
import { verifyChain } from './verify-chain';

/** The migrations as they were before 0010 (two FTS columns), in a folder of their own. */
const migrationsBefore0010 = (dir: string): string => {
  const folder = join(dir, 'migrations-0009');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 9);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
};

const row = (i: number): Omit<ChainedRow, 'id'> =>
  chainedRow({
    ts: T0 + i * 1000,
    type: i % 2 === 0 ? 'user' : 'system',
    category: i % 2 === 0 ? 'financial' : 'expiry',
    event: i % 2 === 0 ? 'billing.payment.received' : 'expiry.client.expired',
    actorId: i % 2 === 0 ? 3 : null,
    actorName: i % 2 === 0 ? 'Achieng Ouma' : null,
    ip: `10.1.${String(i % 3)}.7`,
    workstation: 'OFFICE-PC-01',
    description:
      i % 2 === 0
        ? `Payment of KES ${String(100 + i)} from Kisumu client ACC-${String(i).padStart(4, '0')}`
        : `Subscription of ACC-${String(i).padStart(4, '0')} expired in Nakuru`,
    clientId: i,
  });

const ids = (db: Database.Database, filter: ActivityFilter) =>
  createActivitySearch(db)
    .search(filter, { limit: 100 })
    .entries.map((e) => e.id);

const FILTERS: [ActivityFilter, number[]][] = [
  [{ text: 'payment ' }, [6, 4, 2]],
  [{ text: 'kisu' }, [6, 4, 2]],
  [{ text: 'ACC-0003 ' }, [3]],
  [{ types: ['system'] }, [5, 3, 1]],
  [{ text: 'nakuru ', ip: '10.1.0.0/24' }, [3]],
  [{ actorIds: [3], text: 'payment ' }, [6, 4, 2]],
  [{ outcomes: ['success'], categories: ['expiry'] }, [5, 3, 1]],
];

describe('one FTS column for words and tags (migration 0010)', () => {
  const seedBefore0010 = () => {
    const dir = tempDirForTest('fts-0010');
    const file = join(dir, 'ispdesk.db');
    const old = openDatabase({ file, migrationsFolder: migrationsBefore0010(dir) });
    const appender = createChainAppender(old.sqlite);
    old.sqlite.transaction(() => appender.append([1, 2, 3, 4, 5, 6].map((i) => row(i))))();
    return { old, file };
  };

  it('still searches an archive written with the two-column index, read-only', () => {
    const { old, file } = seedBefore0010();
    old.close();
    const archive = new Database(file, { readonly: true, fileMustExist: true });
    for (const [filter, expected] of FILTERS) expect(ids(archive, filter)).toEqual(expected);
    archive.close();
  });

  it('upgrades a log in place: old entries are found as before, new ones too, chain intact', async () => {
    const { old, file } = seedBefore0010();
    old.close();
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    for (const [filter, expected] of FILTERS) expect(ids(db.sqlite, filter)).toEqual(expected);

    const appender = createChainAppender(db.sqlite);
    db.sqlite.transaction(() => appender.append([row(7), row(8)]))();
    expect(ids(db.sqlite, { text: 'payment ' })).toEqual([8, 6, 4, 2]);
    expect(ids(db.sqlite, { types: ['system'], ip: '10.1.1.7' })).toEqual([7, 1]);
    // Entries without a staff member carry no `ac_none` tag; typed prefixes never expand to tags.
    const tokens = db.sqlite
      .prepare<[], { term: string }>('SELECT term FROM activity_fts_vocab')
      .all()
      .map((r) => r.term);
    expect(tokens).not.toContain('ac_none');
    expect(tokens).toContain('ac_3');
    expect(ids(db.sqlite, { text: 'ty' })).toEqual([]);
    expect(await verifyChain(db.sqlite)).toMatchObject({ ok: true, checked: 8 });
    db.close();
  });
});
