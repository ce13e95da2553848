import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { makeClient, makePlan, officeCore } from '../test-support/office-fixtures';
import { MIGRATIONS_FOLDER, T0, tempDirForTest, unwrap } from '../test-support/test-core';
import { addSimRouter, networkOffice, secretsOf } from '../test-support/network-fixtures';

const DAY = 86_400_000;

describe('"awaiting first payment": a state of its own for clients who never paid', () => {
  it('starts a new client awaiting payment, apart from expired ones, until the first payment activates them', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, { price: 2_500, graceDays: 3 });
    const c = await makeClient(o.tech, plan.id);
    expect(c).toMatchObject({ status: 'awaiting_payment', graceEndsAt: c.expiresAt + 3 * DAY });

    // Setting "active" by hand does not switch on someone who never paid.
    const still = unwrap(await o.tech.call('clients.update', { id: c.id, status: 'active' }));
    expect(still.status).toBe('awaiting_payment');

    const counts = unwrap(await o.viewer.call('reports.dashboard', undefined)).counts;
    expect(counts).toMatchObject({ awaitingPayment: 1, expired: 0, active: 0 });
    const listed = unwrap(
      await o.viewer.call('clients.list', { filter: { statuses: ['awaiting_payment'] } }),
    );
    expect(listed.items.map((i) => i.id)).toEqual([c.id]);
    const expired = unwrap(
      await o.viewer.call('clients.list', { filter: { statuses: ['expired'] } }),
    );
    expect(expired.items).toEqual([]);

    o.tc.clock.advance(10 * DAY);
    expect(unwrap(await o.tech.call('expiry.run', undefined)).expired).toBe(0);

    // Archived and restored, they are still waiting for their first payment.
    unwrap(await o.tech.call('clients.archive', { id: c.id }));
    expect(unwrap(await o.tech.call('clients.restore', { id: c.id })).status).toBe(
      'awaiting_payment',
    );

    const paid = unwrap(
      await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }),
    );
    expect(paid.renewal?.reactivated).toBe(true);
    expect(paid.client.status).toBe('active');
  });

  it('says until when an active client past expiry is in grace', async () => {
    const o = await officeCore();
    const plan = await makePlan(o.admin, {
      price: 2_500,
      graceDays: 2,
      validity: { unit: 'days', count: 30 },
    });
    const c = await makeClient(o.tech, plan.id);
    const paid = unwrap(
      await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }),
    );
    o.tc.clock.set(paid.client.expiresAt + DAY);
    expect(unwrap(await o.tech.call('expiry.run', undefined)).expired).toBe(0);
    const inGrace = unwrap(await o.viewer.call('clients.get', { id: c.id }));
    expect(inGrace).toMatchObject({
      status: 'active',
      graceEndsAt: paid.client.expiresAt + 2 * DAY,
    });
    o.tc.clock.set(paid.client.expiresAt + 2 * DAY);
    expect(unwrap(await o.tech.call('expiry.run', undefined)).expired).toBe(1);
  });

  it('keeps the account switched off on the router until the first payment', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin, { price: 2_500 });
    const c = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'amina' });
    await o.core.services.sync.drain();
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({ name: 'amina', profile: plan.routerProfile, disabled: 'true' }),
    ]);
    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    await o.core.services.sync.drain();
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({ name: 'amina', profile: plan.routerProfile, disabled: 'false' }),
    ]);
  });
});

describe('migration 0011: never-paid clients stored as expired', () => {
  it('moves them (and archived ones) to "awaiting first payment", and leaves clients who once paid expired', () => {
    const dir = tempDirForTest('awaiting-0011');
    const folder = join(dir, 'migrations-0010');
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx <= 10);
    writeFileSync(journalFile, JSON.stringify(journal));
    const file = join(dir, 'ispdesk.db');
    const old = openDatabase({ file, migrationsFolder: folder });
    old.sqlite.exec(`
      INSERT INTO staff (id, username, display_name, role, password_hash, created_at, updated_at,
        password_changed_at)
        VALUES (1, 'admin', 'Admin', 'administrator', 'x', ${String(T0)}, ${String(T0)}, 0);
      INSERT INTO plans (id, name, service_type, rate_down_kbps, rate_up_kbps, price, validity_unit,
        validity_count, router_profile, expiry_action, created_at, updated_at)
        VALUES (1, 'Home', 'pppoe', 1000, 1000, 2500, 'months', 1, 'home', 'disable', 0, 0);
    `);
    const insert = old.sqlite.prepare(`INSERT INTO clients (id, account_no, full_name, phone,
      service_type, service_login, service_password_box, plan_id, status, status_before_archive,
      expires_at, created_at, updated_at)
      VALUES (?, ?, ?, '0700', 'pppoe', ?, 'box', 1, ?, ?, 0, 0, 0)`);
    insert.run(1, 'A1', 'Never paid', 'never', 'expired', null);
    insert.run(2, 'A2', 'Once paid', 'once', 'expired', null);
    insert.run(3, 'A3', 'Archived unpaid', 'arch', 'archived', 'expired');
    old.sqlite.exec(`INSERT INTO ledger_entries (client_id, kind, amount, plan_id, staff_id,
      staff_name, created_at, correlation_id) VALUES (2, 'charge', -2500, 1, 1, 'Admin', 0, 'c')`);
    old.close();

    const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
    expect(
      db.sqlite
        .prepare('SELECT id, status, status_before_archive AS before FROM clients ORDER BY id')
        .all(),
    ).toEqual([
      { id: 1, status: 'awaiting_payment', before: null },
      { id: 2, status: 'expired', before: null },
      { id: 3, status: 'archived', before: 'awaiting_payment' },
    ]);
    db.close();
  });
});
