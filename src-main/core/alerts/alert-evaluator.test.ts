import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../contract/schemas/alerts';
import { createRecorder } from '../activity/recorder';
import { DATABASE_FILE } from '../config';
import { openDatabase } from '../db/open-database';
import { createWriteTransaction } from '../db/write-transaction';
import { createLogWriter, DESKS } from '../test-support/alert-fixtures';
import {
  createCapturingLogger,
  createFakeClock,
  HOUR,
  MIGRATIONS_FOLDER,
  MINUTE,
  SECOND,
  T0,
  TEST_HOST,
  tempDirForTest,
  testCore,
  type TestCore,
} from '../test-support/test-core';
import { createAlertEvaluator } from './alert-evaluator';
import { DEFAULT_ALERT_RULES } from './alert-settings';

const DAY = 24 * HOUR;

const cursorOf = (tc: TestCore): number =>
  Number(
    tc.core.sqlite
      .prepare<[], string>("SELECT value FROM settings WHERE key = 'alerts.cursor'")
      .pluck()
      .get(),
  );
const windowsOf = (tc: TestCore) =>
  tc.core.sqlite.prepare('SELECT * FROM alert_rule_state ORDER BY rule, key').all();
const alertsOf = (tc: TestCore): Alert[] =>
  tc.core.services.alerts.list({ statuses: ['open', 'acknowledged', 'resolved'] }).alerts;

describe('alert evaluator: batches and their cursor', () => {
  it("a batch's windows are durable with its cursor: after a restart the counting goes on", async () => {
    const dataDir = tempDirForTest('alerts-restart');
    const first = testCore({ dataDir, flushEachCommit: false });
    const before = createLogWriter(first);
    const ids = [0, 1, 2].map((i) => before.failedSignIn(T0 + i * MINUTE, 'maria', '10.0.0.99'));
    first.core.evaluateAlerts();
    expect(alertsOf(first)).toEqual([]);
    await first.close();

    const second = testCore({
      dataDir,
      flushEachCommit: false,
      clock: createFakeClock(T0 + 3 * MINUTE),
    });
    const after = createLogWriter(second);
    ids.push(...[3, 4].map((i) => after.failedSignIn(T0 + i * MINUTE, 'maria', '10.0.0.99')));
    second.core.evaluateAlerts();
    // Five failures in one window, each counted once: three before the restart, two after.
    const [a, ...rest] = alertsOf(second);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ rule: 'brute_force', count: 5 });
    expect(a?.entryIds).toEqual(ids);
  });

  it('a batch that fails writing its cursor leaves its windows as they were; the retry counts once', () => {
    const tc = testCore({ flushEachCommit: false });
    const log = createLogWriter(tc);
    const ids = [0, 1, 2, 3, 4].map((i) => log.failedSignIn(T0 + i * MINUTE, 'maria', '10.0.0.99'));
    const cursor = cursorOf(tc);
    // The cursor is the batch's last write, after its windows and its alert.
    tc.core.sqlite.exec(`CREATE TEMP TRIGGER refuse_cursor BEFORE UPDATE ON settings
      WHEN NEW.key = 'alerts.cursor' BEGIN SELECT RAISE(ABORT, 'cursor refused'); END`);
    expect(() => tc.core.evaluateAlerts()).toThrow(/cursor refused/);
    expect(cursorOf(tc)).toBe(cursor);
    expect(windowsOf(tc)).toEqual([]);
    expect(alertsOf(tc)).toEqual([]);

    tc.core.sqlite.exec('DROP TRIGGER refuse_cursor');
    tc.core.evaluateAlerts();
    const [a, ...rest] = alertsOf(tc);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ rule: 'brute_force', count: 5, entryIds: ids });
    expect(cursorOf(tc)).toBe(ids[4]);
  });

  it('pages with no watched entry still move the cursor to their last entry', () => {
    const tc = testCore({ flushEachCommit: false });
    const log = createLogWriter(tc);
    let last = 0;
    // More than two pages of entries no rule looks at.
    for (let i = 0; i < 1_100; i += 1) {
      last = log.write(T0 + i * SECOND, 'auth.logout', { username: 'maria' }, DESKS.cashier);
    }
    tc.core.evaluateAlerts();
    expect(cursorOf(tc)).toBe(last);
    expect(windowsOf(tc)).toEqual([]);
    const ids = [0, 1, 2, 3, 4].map((i) =>
      log.failedSignIn(T0 + HOUR + i * MINUTE, 'maria', '10.0.0.99'),
    );
    tc.core.evaluateAlerts();
    const [a, ...rest] = alertsOf(tc);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ rule: 'brute_force', count: 5, entryIds: ids });
  });
});

/** A log that makes every counting rule cross its threshold, with repeats and quiet entries between. */
const writeScenario = (tc: TestCore) => {
  const log = createLogWriter(tc);
  const night = T0 + 13 * HOUR; // 22:00 in the office (UTC)
  for (let d = 0; d < 16; d += 1) log.signIn(T0 - 20 * DAY + d * DAY, DESKS.cashier);
  for (let i = 0; i < 7; i += 1) log.failedSignIn(T0 + i * MINUTE, 'maria', '10.0.0.99');
  ['a', 'b', 'c', 'd', 'e', 'f'].forEach((u, i) =>
    log.failedSignIn(T0 + 20 * MINUTE + i * MINUTE, u, '203.0.113.5'),
  );
  for (let i = 0; i < 12; i += 1) {
    log.failedSignIn(T0 + 40 * MINUTE + i * 30 * SECOND, `u${String(i % 3)}`, '198.51.100.9');
    log.write(T0 + 40 * MINUTE + i * 30 * SECOND, 'auth.logout', { username: 'x' }, DESKS.admin);
  }
  for (let i = 0; i < 55; i += 1) log.clientUpdated(T0 + 2 * HOUR + i * 10 * SECOND, DESKS.tech);
  log.routerOffline(T0 + 3 * HOUR, 4);
  log.routerOnline(T0 + 3 * HOUR + 20 * MINUTE, 4);
  log.signIn(night, DESKS.cashier);
  for (let i = 0; i < 8; i += 1) log.refund(night + (i + 1) * MINUTE, DESKS.cashier, 1_000);
  log.payment(night + 10 * MINUTE, DESKS.cashier, 5_000);
  log.signIn(T0 + 1 * DAY, DESKS.cashier, '198.51.100.7');
  for (let i = 0; i < 6; i += 1) log.failedSignIn(T0 + 2 * DAY + i * MINUTE, 'maria', '10.0.0.99');
};

/** The same log evaluated by an evaluator on its own connection, `batchSize` entries a batch. */
const evaluateCopy = (source: string, folder: string, batchSize: number) => {
  const file = join(folder, `batch-${String(batchSize)}.db`);
  copyFileSync(source, file);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${file}-wal`);
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER });
  const { sqlite } = db;
  const clock = createFakeClock(T0 + 5 * DAY);
  const recorder = createRecorder({ sqlite, clock, host: TEST_HOST, onCommitted: () => undefined });
  const write = createWriteTransaction(sqlite, {
    committed: () => recorder.flush(),
    rolledBack: () => recorder.discard(),
  });
  const raised: number[] = [];
  const evaluator = createAlertEvaluator({
    sqlite,
    write,
    recorder,
    logger: createCapturingLogger(),
    systemMeta: () => ({ ip: TEST_HOST.ip, workstation: TEST_HOST.name, correlationId: 'rules' }),
    settings: () => DEFAULT_ALERT_RULES,
    timeZone: () => 'UTC',
    money: (minor) => `USD ${(minor / 100).toFixed(2)}`,
    raised: (a) => raised.push(a.id),
    batchSize,
  });
  // Twice: a batch that raised alerts leaves their own entries for the next one.
  evaluator.drain();
  evaluator.drain();
  const all = (q: string) => sqlite.prepare(q).all();
  const result = {
    raised,
    alerts: all('SELECT * FROM alerts ORDER BY id'),
    windows: all('SELECT * FROM alert_rule_state ORDER BY rule, key'),
    sources: all('SELECT * FROM alert_known_sources ORDER BY staff_id, address'),
    entries: all(
      'SELECT id, ts, event, description, details, row_hash FROM activity_log ORDER BY id',
    ),
    cursor: all("SELECT value, updated_at FROM settings WHERE key = 'alerts.cursor'"),
  };
  db.close();
  return result;
};

describe('alert evaluator: batching changes no decision', () => {
  it('one entry per batch, odd batches and full pages leave the same alerts, windows and log', async () => {
    const folder = tempDirForTest('alerts-batches');
    const tc = testCore({ dataDir: join(folder, 'office'), flushEachCommit: false });
    writeScenario(tc);
    await tc.close();
    const source = join(folder, 'office', DATABASE_FILE);
    const single = evaluateCopy(source, folder, 1);
    expect(single.alerts.length).toBeGreaterThanOrEqual(7);
    expect(single.raised).toHaveLength(single.alerts.length);
    expect(evaluateCopy(source, folder, 7)).toEqual(single);
    expect(evaluateCopy(source, folder, 500)).toEqual(single);
  });
});
