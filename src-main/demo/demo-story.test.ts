import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../core/activity/verify-chain';
import { DEMO_ROUTERS, OFFICE_UTC_OFFSET_MS } from './demo-catalog';
import { allRows, scalarOf, seedTestOffice } from './demo-test-office';
import { BRUTE_FORCE_IP, OUTAGE_ROUTER } from './seeding/log-stories';

type Entry = {
  id: number;
  ts: number;
  event: string;
  type: string;
  actor_name: string | null;
  ip: string | null;
  client_id: number | null;
  target_label: string | null;
  details: string | null;
};

let office: Awaited<ReturnType<typeof seedTestOffice>> | undefined;
beforeAll(async () => {
  office = await seedTestOffice();
}, 120_000);
afterAll(() => office?.stop());
const seeded = () => {
  if (!office) throw new Error('the demo office was not made');
  return office;
};

const entries = (where: string): Entry[] =>
  allRows<Entry>(
    seeded().core,
    `SELECT id, ts, event, type, actor_name, ip, client_id, target_label, details
       FROM activity_log WHERE ${where} ORDER BY id`,
  );
const reasonOf = (e: Entry): unknown =>
  (JSON.parse(e.details ?? '{}') as { reason?: unknown }).reason;
/** The hour on the office's clock (Nairobi, UTC+3). */
const officeHour = (ts: number) => new Date(ts + OFFICE_UTC_OFFSET_MS).getUTCHours();

describe('the demo office tells the stories the activity log is for', () => {
  it('failed sign-ins: a mistyped password, and password guessing from one address that locks the account', () => {
    const staffFailures = entries(`event = 'auth.login.failed' AND ip LIKE '10.10.0.2%'`);
    expect(staffFailures.length).toBeGreaterThanOrEqual(1);
    const guesses = entries(`event = 'auth.login.failed' AND ip = '${BRUTE_FORCE_IP}'`);
    expect(guesses.length).toBeGreaterThanOrEqual(10);
    // Within a few minutes, at night.
    const first = guesses[0];
    const last = guesses.at(-1);
    expect((last?.ts ?? 0) - (first?.ts ?? 0)).toBeLessThan(10 * 60_000);
    expect(officeHour(first?.ts ?? 0)).toBeLessThan(6);
    const locked = entries(`event = 'auth.account.locked'`);
    expect(locked.length).toBeGreaterThanOrEqual(1);
    expect(locked[0]?.ts).toBeGreaterThanOrEqual(first?.ts ?? 0);
  });

  it('a router outage and its recovery, with a push that failed while it was down and was retried', () => {
    const name = DEMO_ROUTERS[OUTAGE_ROUTER]?.name ?? '';
    const offline = entries(`event = 'router.offline' AND target_label = '${name}'`);
    const online = entries(`event = 'router.online' AND target_label = '${name}'`);
    expect(offline).toHaveLength(1);
    expect(online).toHaveLength(1);
    const down = offline[0]?.ts ?? 0;
    const up = online[0]?.ts ?? 0;
    expect(up - down).toBeGreaterThan(5 * 3_600_000);

    const failed = entries(`event = 'sync.push_failed'`);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const f of failed) {
      expect(f.ts).toBeGreaterThan(down);
      expect(f.ts).toBeLessThan(up);
      // The same client's change reached the router once it was back.
      const retried = entries(
        `event = 'sync.pushed' AND client_id = ${String(f.client_id)} AND id > ${String(f.id)}`,
      );
      expect(retried.length).toBeGreaterThanOrEqual(1);
      expect(retried[0]?.ts).toBeGreaterThanOrEqual(up);
    }
  });

  it('a refund and a void, each with its reason', () => {
    const refunds = entries(`event = 'refund.issued'`);
    const voids = entries(`event = 'ledger.voided'`);
    expect(refunds.length).toBeGreaterThanOrEqual(1);
    expect(voids.length).toBeGreaterThanOrEqual(1);
    for (const e of [...refunds, ...voids]) expect(String(reasonOf(e)).length).toBeGreaterThan(10);
  });

  it('a change made after hours by a member of staff', () => {
    const late = entries(
      `type <> 'system' AND actor_name IS NOT NULL AND event NOT LIKE 'auth.%'`,
    ).filter((e) => officeHour(e.ts) >= 20 || officeHour(e.ts) < 6);
    expect(late.map((e) => e.event)).toContain('balance.adjusted');
  });

  it('no client name is repeated, and no name is a first name twice', () => {
    const names = allRows<{ full_name: string }>(
      seeded().core,
      'SELECT full_name FROM clients',
    ).map((r) => r.full_name);
    expect(names.length).toBe(300);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) {
      const [first, last] = n.split(' ');
      expect(first).not.toBe(last);
    }
  });

  it('every story is a genuine log entry: the chain verifies', async () => {
    expect(await verifyChain(seeded().core.sqlite)).toMatchObject({ ok: true, firstBadId: null });
    expect(seeded().summary.entries).toBe(
      scalarOf(seeded().core, 'SELECT count(*) AS n FROM activity_log'),
    );
  });
});
