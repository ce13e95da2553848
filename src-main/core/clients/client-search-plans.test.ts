import { describe, expect, it } from 'vitest';
import type { ClientFilter, ClientSort } from '../../contract/schemas/clients';
import { insertClients } from '../../bench/client-data';
import { openDatabase } from '../db/open-database';
import { MIGRATIONS_FOLDER } from '../test-support/test-core';
import { createClientSearch, type PagePlan } from './client-search';

const NOW = Date.UTC(2026, 10, 1, 9);

/** The benchmark's generated office (names, phones, e-mails, statuses, plans, routers), small. */
const generated = (count: number) => {
  const db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS_FOLDER });
  db.sqlite
    .prepare(
      `INSERT INTO staff (username, display_name, role, password_hash, created_at, updated_at, password_changed_at)
       VALUES ('bench', 'Bench', 'administrator', 'x', ?, ?, ?)`,
    )
    .run(NOW, NOW, NOW);
  insertClients(db.sqlite, { count, seed: 11, now: NOW, staffId: 1 });
  return db;
};

describe('client list plans on a generated office', () => {
  it('every plan returns the same pages and counts for the benchmark shapes', () => {
    const db = generated(600);
    const searches = new Map<PagePlan | 'auto', ReturnType<typeof createClientSearch>>([
      ['sparse', createClientSearch(db.sqlite, { plan: 'sparse' })],
      ['walk', createClientSearch(db.sqlite, { plan: 'walk' })],
      ['probe', createClientSearch(db.sqlite, { plan: 'probe' })],
      ['auto', createClientSearch(db.sqlite)],
    ]);
    const filters: ClientFilter[] = [
      {},
      { statuses: ['expired', 'suspended'] },
      { statuses: ['active', 'disabled', 'archived'] },
      { planId: 3 },
      { routerId: 5, statuses: ['active'] },
      { expiresWithinDays: 7 },
      { expiresWithinDays: 3, planId: 5 },
      { search: 'wanjiru kamau' },
      { search: 'mail.test' },
      { search: 'mail.test', statuses: ['expired', 'suspended'] },
      { search: 'ke', planId: 2 },
      { search: 'a' },
      { search: 'mar', statuses: ['active'] },
      { search: '0712' },
      { search: 'kamau ali' },
    ];
    const sorts: ClientSort[] = [
      { by: 'name', dir: 'asc' },
      { by: 'expiresAt', dir: 'asc' },
      { by: 'expiresAt', dir: 'desc' },
      { by: 'balance', dir: 'asc' },
      { by: 'account', dir: 'desc' },
      { by: 'createdAt', dir: 'desc' },
    ];
    /** The first three pages of 25, following cursors. */
    const pages = (
      s: ReturnType<typeof createClientSearch>,
      filter: ClientFilter,
      sort: ClientSort,
    ) => {
      const out: number[][] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 3; i++) {
        const p = s.list({ filter, sort, limit: 25, ...(cursor ? { cursor } : {}) }, NOW);
        out.push(p.items.map((c) => c.id));
        if (!p.nextCursor) break;
        cursor = p.nextCursor;
      }
      return out;
    };
    let nonEmpty = 0;
    for (const filter of filters) {
      for (const sort of sorts) {
        const expected = pages(
          searches.get('sparse') ?? createClientSearch(db.sqlite),
          filter,
          sort,
        );
        if ((expected[0]?.length ?? 0) > 0) nonEmpty += 1;
        for (const [plan, s] of searches) {
          expect(pages(s, filter, sort), JSON.stringify({ plan, filter, sort })).toEqual(expected);
        }
      }
    }
    // The shapes find clients (a comparison of empty pages would prove nothing).
    expect(nonEmpty).toBeGreaterThan(filters.length * sorts.length * 0.8);
    const ids = [...(searches.get('auto')?.iterateIds({ search: 'mail.test' }, NOW, 100) ?? [])];
    const all = ids.flat();
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all.length).toBe(
      (
        db.sqlite
          .prepare(
            "SELECT count(*) AS n FROM clients WHERE email LIKE '%mail.test' AND status <> 'archived'",
          )
          .get() as { n: number }
      ).n,
    );
    db.close();
  });
});
