import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { chainedRow } from '../test-support/chained-row';
import { MIGRATIONS_FOLDER, tempDirForTest } from '../test-support/test-core';
import { createChainAppender } from './chain-appender';
import { createPrefixExpander } from './prefix-expander';

const entry = (description: string) => chainedRow({ description });

describe('prefix expansion', () => {
  it('answers from the index words, never tags, and sees every change made after a cached answer', () => {
    const file = join(tempDirForTest('prefix'), 'ispdesk.db');
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    const append = (text: string, on: Database.Database = db.sqlite) => {
      const appender = createChainAppender(on);
      on.transaction(() => appender.append([entry(text)]))();
    };
    append('Router in Kisumu went offline');
    const expand = createPrefixExpander(db.sqlite);
    expect(expand('kisu')).toEqual(['kisumu']);
    expect(expand('off')).toEqual(['offline']);
    // Tags share the index, but a typed prefix only ever becomes words.
    expect(expand('n24')).toEqual([]);

    append('Client in Kisii paid'); // this connection
    expect(expand('kis')).toEqual(['kisii', 'kisumu']);
    expect(expand('kisu')).toEqual(['kisumu']);

    const other = new Database(file); // another connection, like the main thread for a reader
    other.pragma('busy_timeout = 5000');
    append('Kisumu East router added', other);
    append('Router kisumuwest renamed', other);
    other.close();
    expect(expand('kisu')).toEqual(['kisumu', 'kisumuwest']);
    db.close();
  });
});
