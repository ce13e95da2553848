import { describe, expect, it, onTestFinished } from 'vitest';
import { verifyChain } from '../core/activity/verify-chain';
import type { CoreUnderTest } from '../core/test-support/test-core';
import { DEMO_ROUTERS } from './demo-catalog';
import type { SeedOptions } from './demo-seeder';
import {
  allRows as all,
  DEMO_TEST_END as END,
  scalarOf as scalar,
  seedTestOffice,
} from './demo-test-office';

const DAY = 86_400_000;

const seeded = async (size: Pick<SeedOptions, 'clients' | 'days'> = {}) => {
  const office = await seedTestOffice(size);
  onTestFinished(office.stop);
  return office;
};

describe('the demo seeder', () => {
  it('makes six months of a living office through the core, with a log that verifies', async () => {
    const { core, sims, summary, ms, clockAfter } = await seeded();
    // Measured, not asserted (timings vary by machine): about 12–18 s here.
    process.stdout.write(`demo seed: ${String(Math.round(ms))} ms, ${JSON.stringify(summary)}\n`);

    const count = (sql: string) => scalar(core, sql);
    expect(count('SELECT count(*) AS n FROM staff')).toBe(4);
    // Everyone chose their own password (the demo one): nobody is asked to change it again.
    expect(count('SELECT count(*) AS n FROM staff WHERE must_change_password = 1')).toBe(0);
    expect(count('SELECT count(*) AS n FROM routers')).toBe(DEMO_ROUTERS.length);
    expect(count('SELECT count(*) AS n FROM plans')).toBe(7);
    expect(count('SELECT count(*) AS n FROM plans WHERE active = 0')).toBe(1);
    expect(count('SELECT count(*) AS n FROM clients')).toBe(300);
    expect(summary.clients).toBe(300);
    const statuses = Object.fromEntries(
      all<{ status: string; n: number }>(
        core,
        'SELECT status, count(*) AS n FROM clients GROUP BY status',
      ).map((r) => [r.status, r.n]),
    );
    expect(statuses.active).toBeGreaterThan(150);
    expect(statuses.expired).toBeGreaterThan(10);
    expect(statuses.suspended).toBeGreaterThan(0);
    expect(statuses.archived).toBeGreaterThan(0);
    // Every router serves clients.
    expect(
      all<{ n: number }>(core, 'SELECT count(*) AS n FROM clients GROUP BY router_id').length,
    ).toBe(DEMO_ROUTERS.length);

    // Money: payments, renewals, refunds, voids, credits; balances are the ledger's sums.
    const kinds = Object.fromEntries(
      all<{ kind: string; n: number }>(
        core,
        'SELECT kind, count(*) AS n FROM ledger_entries GROUP BY kind',
      ).map((r) => [r.kind, r.n]),
    );
    expect(kinds.payment).toBeGreaterThan(900);
    expect(kinds.charge).toBeGreaterThan(900);
    expect(kinds.refund).toBeGreaterThan(0);
    expect(kinds.void).toBeGreaterThan(0);
    expect(kinds.adjustment).toBeGreaterThan(0);
    expect(summary.refunds).toBe(kinds.refund);
    expect(summary.voids).toBe(kinds.void);
    const mismatched = all<{ id: number }>(
      core,
      `SELECT c.id FROM clients c
        WHERE c.balance <> (SELECT coalesce(sum(amount), 0) FROM ledger_entries l WHERE l.client_id = c.id)`,
    );
    expect(mismatched).toEqual([]);
    expect(count('SELECT count(*) AS n FROM receipts')).toBe(
      (kinds.payment ?? 0) + (kinds.refund ?? 0),
    );

    // History: six months back, in time order, the chain intact, all before the real "now".
    const span = {
      first: scalar(core, 'SELECT min(ts) AS n FROM activity_log'),
      last: scalar(core, 'SELECT max(ts) AS n FROM activity_log'),
    };
    expect(span.first).toBeGreaterThanOrEqual(END - 182 * DAY);
    expect(span.first).toBeLessThan(END - 180 * DAY);
    expect(span.last).toBeLessThan(END);
    expect(clockAfter).toBeLessThan(END);
    const unordered = scalar(
      core,
      `SELECT count(*) AS n FROM activity_log a JOIN activity_log b ON b.id = a.id + 1
        WHERE b.ts < a.ts`,
    );
    expect(unordered).toBe(0);
    expect(await verifyChain(core.sqlite)).toMatchObject({ ok: true, firstBadId: null });
    expect(summary.entries).toBe(count('SELECT count(*) AS n FROM activity_log'));
    const events = new Set(
      all<{ event: string }>(core, 'SELECT DISTINCT event FROM activity_log').map((r) => r.event),
    );
    for (const e of [
      'auth.setup.completed',
      'client.created',
      'payment.recorded',
      'subscription.renewed',
      'subscription.expired',
      'client.archived',
      'sync.pushed',
    ]) {
      expect(events).toContain(e);
    }

    // The routers hold what the queue pushed: one PPP secret or hotspot user per live client.
    expect(count('SELECT count(*) AS n FROM sync_queue')).toBe(0);
    const onRouters = sims.sims.reduce(
      (n, sim) =>
        n +
        sim.state.rows('/ppp/secret').length +
        sim.state.rows('/ip/hotspot/user').filter((u) => u.default !== 'true').length,
      0,
    );
    expect(onRouters).toBe(count("SELECT count(*) AS n FROM clients WHERE status <> 'archived'"));
  }, 120_000);

  it('makes the same office from the same seed', async () => {
    const a = await seeded({ clients: 40, days: 45 });
    const b = await seeded({ clients: 40, days: 45 });
    // Encrypted passwords and correlation ids are random by design; everything else matches.
    const office = (core: CoreUnderTest) =>
      JSON.stringify({
        clients: all(
          core,
          `SELECT id, account_no, full_name, phone, email, address, service_login, plan_id,
                  router_id, status, expires_at, balance, created_at FROM clients ORDER BY id`,
        ),
        ledger: all(
          core,
          'SELECT id, client_id, kind, amount, method, reference, created_at FROM ledger_entries ORDER BY id',
        ),
        log: all(
          core,
          'SELECT id, ts, event, actor_name, ip, target_label FROM activity_log ORDER BY id',
        ),
      });
    expect(office(a.core)).toBe(office(b.core));
    expect(a.summary).toEqual(b.summary);
  }, 120_000);
});
