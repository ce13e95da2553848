import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import { MIGRATIONS_FOLDER, tempDirForTest, unwrap } from '../test-support/test-core';
import type { Sqlite } from '../db/open-database';

const DAY = 86_400_000;

/** The kept counts and a fresh GROUP BY over the table, both as sorted [status, n] pairs. */
const keptAndCounted = (sqlite: Sqlite) => ({
  kept: sqlite
    .prepare('SELECT status, n FROM client_status_counts WHERE n <> 0 ORDER BY status')
    .raw()
    .all(),
  counted: sqlite
    .prepare('SELECT status, count(*) FROM clients GROUP BY status ORDER BY status')
    .raw()
    .all(),
});

describe('client status counts', () => {
  it('follow every client write: create, status change, archive, restore, expiry', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin);
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await makeClient(o.tech, plan.id));
    const [a, b, c, d] = made;
    if (!a || !b || !c || !d) throw new Error('setup');
    unwrap(await o.cashier.call('billing.renew', { clientId: a.id }));
    unwrap(await o.cashier.call('billing.renew', { clientId: b.id }));
    unwrap(await o.tech.call('clients.update', { id: c.id, status: 'suspended' }));
    unwrap(await o.tech.call('clients.update', { id: d.id, status: 'disabled' }));
    unwrap(await o.tech.call('clients.archive', { id: d.id }));
    unwrap(await o.tech.call('clients.archive', { id: c.id }));
    unwrap(await o.tech.call('clients.restore', { id: c.id }));
    // An update that leaves the status alone changes no count.
    unwrap(await o.tech.call('clients.update', { id: a.id, fullName: 'Renamed Client' }));
    const { kept, counted } = keptAndCounted(o.core.sqlite);
    expect(kept).toEqual(counted);
    expect(new Set(kept.map((r) => (r as [string, number])[0]))).toEqual(
      new Set(['active', 'archived', 'awaiting_payment', 'suspended']),
    );

    // The dashboard reads them: renewed clients are active until their time runs out.
    const before = unwrap(await o.viewer.call('reports.dashboard', {}));
    expect(before.counts).toMatchObject({ active: 2, suspended: 1, archived: 1 });
    o.tc.clock.advance(40 * DAY);
    const after = unwrap(await o.viewer.call('reports.dashboard', {}));
    expect(after.counts.active).toBe(0);
    expect(after.counts.expired).toBe(before.counts.expired + 2);
  });

  it('start from the clients already there when the migration runs', () => {
    const dir = tempDirForTest('status-counts');
    // The migrations up to the one before the counts, as a database of an older version has.
    const older = join(dir, 'migrations');
    cpSync(MIGRATIONS_FOLDER, older, { recursive: true });
    const journalFile = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_client_status_counts'));
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = join(dir, 'ispdesk.db');
    const old = openDatabase({ file, migrationsFolder: older });
    expect(
      old.sqlite
        .prepare("SELECT name FROM sqlite_master WHERE name = 'client_status_counts'")
        .all(),
    ).toEqual([]);
    old.sqlite
      .prepare(
        `INSERT INTO plans (name, service_type, rate_down_kbps, rate_up_kbps, price, validity_unit,
           validity_count, router_profile, expiry_action, isolation_profile, created_at, updated_at)
         VALUES ('P', 'pppoe', 1, 1, 100, 'months', 1, 'p', 'isolate', 'expired', 0, 0)`,
      )
      .run();
    const insert = old.sqlite.prepare(
      `INSERT INTO clients (account_no, full_name, phone, service_type, service_login,
         service_password_box, plan_id, status, expires_at, created_at, updated_at)
       VALUES (?, 'Someone', '0700', 'pppoe', ?, 'box', 1, ?, 0, 0, 0)`,
    );
    const statuses = ['active', 'active', 'expired', 'archived', 'active', 'disabled'];
    statuses.forEach((s, i) => insert.run(`AC${String(i)}`, `login${String(i)}`, s));
    old.close();

    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    const { kept, counted } = keptAndCounted(db.sqlite);
    // The expired client never paid: a later migration (money states) makes it awaiting its
    // first payment, and the counts follow.
    expect(Object.fromEntries(kept as [string, number][])).toMatchObject({
      active: 3,
      archived: 1,
      disabled: 1,
      awaiting_payment: 1,
    });
    expect(kept).toEqual(counted);
    db.close();
  });
});
