// npm run bench:alerts -- [--commits N]
// What the alert rules cost next to the commits they watch: N single-entry commits of an office
// mix (sign-ins, failed sign-ins, payments, refunds, client changes, router health) at
// synchronous=FULL, then the rules over those entries in the batches the app evaluates them in
// (every EVALUATE_AFTER_MS after a commit, one transaction per batch). Target: rules ≤ 5 % of the
// commit time. Prints the figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../core/db/open-database';
import { createRecorder } from '../core/activity/recorder';
import { createWriteTransaction } from '../core/db/write-transaction';
import { createAlertEvaluator, EVALUATE_AFTER_MS } from '../core/alerts/alert-evaluator';
import { DEFAULT_ALERT_RULES } from '../core/alerts/alert-settings';
import { consoleLogger } from '../core/shared/logger';
import { permissionsOf } from '../domain/permissions';
import type { ServiceContext } from '../core/shared/context';
import { fmt } from './stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const COMMITS = Number(arg('commits') ?? 5_000);
const migrationsFolder = resolve(__dirname, '..', '..', 'migrations');
const dir = mkdtempSync(join(tmpdir(), 'ispdesk-bench-alerts-'));
const log = (s: string) => process.stdout.write(`${s}\n`);

const main = () => {
  const db = openDatabase({ file: join(dir, 'ispdesk.db'), migrationsFolder });
  const sqlite = db.sqlite;
  // Office hours in the office: 2030-01-15 09:00 UTC, a Tuesday; one entry every ~20 s.
  let now = Date.UTC(2030, 0, 15, 9, 0);
  const clock = { now: () => now, sleep: () => Promise.resolve() };
  const host = { ip: '192.0.2.10', name: 'bench' };
  const recorder = createRecorder({ sqlite, clock, host, onCommitted: () => undefined });
  const write = createWriteTransaction(sqlite, {
    beginning: () => undefined,
    committed: () => recorder.flush(),
    rolledBack: () => recorder.discard(),
  });
  const evaluator = createAlertEvaluator({
    sqlite,
    write,
    recorder,
    logger: consoleLogger,
    systemMeta: () => ({ ip: host.ip, workstation: host.name, correlationId: 'bench' }),
    settings: () => DEFAULT_ALERT_RULES,
    timeZone: () => 'UTC',
    money: (m) => String(m),
    raised: () => undefined,
  });
  const staff = [2, 3, 4].map((id) => ({
    staffId: id,
    username: `staff${String(id)}`,
    displayName: `Staff ${String(id)}`,
    role: 'cashier' as const,
    permissions: permissionsOf('cashier'),
    sessionId: `s${String(id)}`,
  }));
  const ctx = (i: number): ServiceContext => ({
    ip: `10.0.0.${String(5 + (i % 3))}`,
    workstation: 'desk',
    correlationId: `c${String(i)}`,
    actor: staff[i % 3] ?? null,
  });
  const money = { account: 'AC0001', name: 'Amina', amount: 'USD 10.00' };
  const one = (i: number) => {
    now += 20_000;
    const c = ctx(i);
    const by = c.actor?.username ?? '';
    switch (i % 10) {
      case 0:
        return recorder.record({ event: 'auth.login.succeeded', params: { username: by }, ctx: c });
      case 1:
        return recorder.record({
          event: 'auth.login.failed',
          params: { username: by, reason: 'wrong_password' },
          ctx: { ...c, actor: null },
          details: { username: by, reason: 'wrong_password' },
        });
      case 2:
        return recorder.record({
          event: 'refund.issued',
          params: { ...money, by, method: 'cash', receipt: 'R2', payment: 'R1' },
          ctx: c,
          details: { amount: 100 },
        });
      case 3:
        return recorder.record({
          event: 'client.updated',
          params: { ...money, by, changes: 'phone' },
          ctx: c,
        });
      case 4:
        return recorder.record({
          event: 'router.online',
          params: { name: 'Tower', downtime: '1 min' },
          ctx: { ...c, actor: null },
          routerId: 1,
        });
      default:
        return recorder.record({
          event: 'payment.recorded',
          params: { ...money, by, method: 'cash', receipt: 'R1' },
          ctx: c,
          details: { amount: 1_000 },
        });
    }
  };

  // Single-entry commits, each its own transaction at synchronous=FULL (as in the app), with
  // no rules: the throughput the rules are measured against.
  const t0 = performance.now();
  for (let i = 0; i < COMMITS; i += 1) one(i);
  const commitMs = performance.now() - t0;
  const perSecond = (COMMITS / commitMs) * 1_000;
  evaluator.drain(); // the rules' cursor catches up; what follows is measured

  // The same again, with the rules run as the app runs them: after every batch of commits that
  // build up in EVALUATE_AFTER_MS at that throughput, in one transaction.
  const batch = Math.max(1, Math.round((perSecond * EVALUATE_AFTER_MS) / 1_000));
  let ruleMs = 0;
  let withRulesCommitMs = 0;
  for (let i = 0; i < COMMITS; i += batch) {
    const t = performance.now();
    for (let k = i; k < Math.min(COMMITS, i + batch); k += 1) one(COMMITS + k);
    withRulesCommitMs += performance.now() - t;
    const r = performance.now();
    evaluator.drain();
    ruleMs += performance.now() - r;
  }
  const share = ruleMs / withRulesCommitMs;
  log(`alert rules bench: ${String(COMMITS)} single-entry commits of an office mix`);
  log(`commit, FULL, no rules    ${fmt(commitMs / COMMITS)} ms each (${fmt(perSecond)} entries/s)`);
  log(
    `rules, batches of ${String(batch).padEnd(6)}  ${fmt((ruleMs / COMMITS) * 1_000)} µs per entry`,
  );
  log(`rules / commit time       ${fmt(share * 100)} % (target ≤ 5 %)`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
};

main();
