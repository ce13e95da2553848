import { describe, expect, it } from 'vitest';
import type { Alert } from '../../contract/schemas/alerts';
import { createLogWriter, DESKS } from '../test-support/alert-fixtures';
import { HOUR, MINUTE, T0, signInAdmin, testCore } from '../test-support/test-core';

const DAY = 24 * HOUR;
import { API_PASSWORD_REFUSED } from '../routers/router-failure';

/** T0 is Tuesday 2030-01-15 09:00 in the office (UTC by default). */
const setUp = () => {
  const tc = testCore({ flushEachCommit: false });
  const log = createLogWriter(tc);
  const alerts = (): Alert[] => {
    tc.core.evaluateAlerts();
    return tc.core.services.alerts.list({ statuses: ['open', 'acknowledged', 'resolved'] }).alerts;
  };
  return { tc, log, alerts };
};

const only = (list: Alert[]): Alert => {
  expect(list).toHaveLength(1);
  const [a] = list;
  if (!a) throw new Error('no alert');
  return a;
};

describe('alert rules: each raises exactly one alert for its scenario', () => {
  it('1. brute force on one account: 5 failures in 15 minutes, repeats grouped', () => {
    const { log, alerts } = setUp();
    const ids = [0, 1, 2, 3, 4, 5, 6].map((i) =>
      log.failedSignIn(T0 + i * MINUTE, 'maria', '10.0.0.99'),
    );
    const a = only(alerts());
    expect(a).toMatchObject({ rule: 'brute_force', status: 'open', count: 7, severity: 'high' });
    expect(a.entryIds).toEqual(ids);
    expect(a.firstAt).toBe(T0 + 4 * MINUTE);
    expect(a.lastAt).toBe(T0 + 6 * MINUTE);
    expect(a.pivot).toMatchObject({ from: T0, to: T0 + 6 * MINUTE, outcomes: ['failure'] });
  });

  it('1. brute force from one address: 10 failures over 3 accounts', () => {
    const { log, alerts } = setUp();
    const names = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c'];
    names.forEach((u, i) => log.failedSignIn(T0 + i * MINUTE, u, '198.51.100.9'));
    const a = only(alerts());
    expect(a).toMatchObject({ rule: 'brute_force', count: 10 });
    expect(a.pivot.ip).toBe('198.51.100.9');
  });

  it('2. password spraying: one failure each for 5 accounts from one address', () => {
    const { log, alerts } = setUp();
    ['a', 'b', 'c', 'd', 'e'].forEach((u, i) =>
      log.failedSignIn(T0 + i * MINUTE, u, '203.0.113.5'),
    );
    expect(only(alerts())).toMatchObject({ rule: 'password_spraying', count: 5 });
  });

  it('3. a sign-in from an address never seen for that staff member, after the learning period', () => {
    const { log, alerts } = setUp();
    // Every working day (T0 is a Tuesday; Sundays the office is closed).
    for (let d = 0; d < 20; d += 1) if ((d + 2) % 7 !== 0) log.signIn(T0 + d * DAY, DESKS.cashier);
    expect(alerts()).toEqual([]);
    const id = log.signIn(T0 + 21 * DAY, DESKS.cashier, '198.51.100.7');
    expect(only(alerts())).toMatchObject({ rule: 'new_source', entryIds: [id] });
  });

  it('3. a new address during the learning period raises nothing', () => {
    const { log, alerts } = setUp();
    log.signIn(T0, DESKS.cashier);
    log.signIn(T0 + 2 * DAY, DESKS.cashier, '198.51.100.7');
    expect(alerts()).toEqual([]);
  });

  it('4. a sign-in and a refund outside office hours group into one alert', () => {
    const { log, alerts } = setUp();
    const night = T0 + 13 * HOUR + 30 * MINUTE; // 22:30
    log.signIn(night, DESKS.cashier);
    log.refund(night + 10 * MINUTE, DESKS.cashier, 500);
    expect(only(alerts())).toMatchObject({ rule: 'outside_hours', count: 2 });
  });

  it('4. office hours follow the office time zone and the weekday settings', async () => {
    const { tc, log, alerts } = setUp();
    const admin = await signInAdmin(tc);
    expect((await admin.call('settings.update', { timeZone: 'Africa/Nairobi' })).ok).toBe(true);
    tc.core.evaluateAlerts();
    const before = alerts().length;
    // 17:00 UTC on Tuesday is 20:00 in Nairobi: after hours there.
    log.signIn(T0 + 8 * HOUR, DESKS.cashier);
    expect(alerts()).toHaveLength(before + 1);
  });

  it('5. refunds by one staff member above the count per day', () => {
    const { log, alerts } = setUp();
    for (let i = 0; i < 6; i += 1) log.refund(T0 + i * 10 * MINUTE, DESKS.cashier, 1_000);
    const a = only(alerts());
    expect(a).toMatchObject({ rule: 'money_anomaly', count: 6 });
    expect(a.entryIds).toHaveLength(6);
  });

  it('5. a refund above the amount per day', () => {
    const { log, alerts } = setUp();
    log.refund(T0, DESKS.cashier, 60_000);
    expect(only(alerts()).title).toContain('USD 600.00');
  });

  it('6. mass change: 20 clients archived in ten minutes', () => {
    const { log, alerts } = setUp();
    for (let i = 0; i < 20; i += 1) log.clientArchived(T0 + i * 20_000, DESKS.tech);
    expect(only(alerts())).toMatchObject({ rule: 'mass_change', count: 20 });
  });

  it('6. mass change: a large export', () => {
    const { log, alerts } = setUp();
    log.write(T0, 'clients.exported', { by: 'juma', rows: 5_000 }, DESKS.tech, {
      details: { rows: 5_000 },
    });
    expect(only(alerts())).toMatchObject({ rule: 'mass_change' });
  });

  it('7. a router offline longer than 15 minutes: one alert from the tick, joined by its return', () => {
    const { tc, log, alerts } = setUp();
    const off = log.routerOffline(T0, 4);
    tc.core.alertTick(T0 + 10 * MINUTE);
    expect(alerts()).toEqual([]);
    tc.core.alertTick(T0 + 16 * MINUTE);
    const on = log.routerOnline(T0 + 30 * MINUTE, 4);
    const a = only(alerts());
    expect(a).toMatchObject({ rule: 'router_trouble', entryIds: [off, on], count: 2 });
    expect(a.pivot.routerId).toBe(4);
  });

  it('7. an unexpected reboot', () => {
    const { log, alerts } = setUp();
    log.write(
      T0,
      'router.rebooted',
      { name: 'Tower 4', uptimeBefore: '9d', uptimeNow: '2m' },
      null,
      {
        routerId: 4,
      },
    );
    expect(only(alerts())).toMatchObject({ rule: 'router_trouble', severity: 'medium' });
  });

  it('7. the API password refused', () => {
    const { log, alerts } = setUp();
    log.routerOffline(T0, 4, API_PASSWORD_REFUSED);
    log.routerOnline(T0 + 2 * MINUTE, 4);
    expect(only(alerts()).title).toBe('Router "Tower 4" refused the API password');
  });

  it('7. drift found by auto-sync', () => {
    const { log, alerts } = setUp();
    log.write(
      T0,
      'sync.auto_run',
      { routers: 2, drifted: 1, fixed: 1, unreachable: 0, mode: 'fix' },
      null,
      {
        details: {
          routers: [
            { router: 'Tower 4', drift: [{ kind: 'missing' }] },
            { router: 'Tower 5', drift: [] },
          ],
        },
      },
    );
    expect(only(alerts()).title).toContain('1 router');
  });

  it('8. the log itself: failed verification, checkpoint mismatch, clock change, low disk, forwarding behind', () => {
    const { log, alerts } = setUp();
    const verified = (reason: string) =>
      log.write(
        T0,
        'activity.verified',
        { by: 'owner', checked: 9, ok: false, firstBadId: 5 },
        DESKS.admin,
        {
          outcome: 'failure',
          details: { ok: false, reason },
        },
      );
    verified('its hash does not match');
    expect(only(alerts())).toMatchObject({ rule: 'log_integrity', severity: 'critical' });
    verified('it differs from the signed checkpoint taken at this entry');
    expect(alerts()).toHaveLength(2);
    log.write(
      T0,
      'system.clock_changed',
      { direction: 'back', by: '2 hours', before: 'x', after: 'y' },
      null,
    );
    expect(alerts()).toHaveLength(3);
    log.write(
      T0,
      'system.disk_low',
      { folder: '/d', free: '1 GB', total: '9 GB', threshold: '2 GB' },
      null,
    );
    expect(alerts()).toHaveLength(4);
    log.write(T0, 'forwarding.behind', { target: 'log:514', entries: 20_000, minutes: 3 }, null);
    expect(alerts().map((a) => a.rule)).toEqual(Array(5).fill('log_integrity'));
  });
});

/** One ordinary office day on `day` (0 = Tuesday T0's date): what should never raise an alert. */
const ordinaryDay = (log: ReturnType<typeof createLogWriter>, day: number) => {
  const start = T0 - 9 * HOUR + day * DAY; // midnight
  const weekday = new Date(start).getUTCDay();
  if (weekday === 0) return;
  const open = start + (weekday === 6 ? 9 : 8) * HOUR + 5 * MINUTE;
  const hours = weekday === 6 ? 3 : 9;
  const desks = [DESKS.admin, DESKS.cashier, DESKS.tech];
  desks.forEach((d, i) => log.signIn(open + i * MINUTE, d));
  // A typo at the sign-in, now and then.
  if (day % 3 === 0) log.failedSignIn(open - MINUTE, 'maria', DESKS.cashier.ip);
  for (let k = 0; k < 30; k += 1) {
    const at = open + 10 * MINUTE + Math.floor((k * hours * HOUR) / 32);
    log.payment(at, DESKS.cashier, 150_000);
    if (k % 6 === 0) log.clientUpdated(at + MINUTE, DESKS.tech);
  }
  if (day % 2 === 0) log.refund(open + 2 * HOUR, DESKS.cashier, 20_000);
  if (day % 7 === 3) log.clientArchived(open + 3 * HOUR, DESKS.tech);
  if (day % 5 === 1) {
    // A short outage on a tower: back within minutes.
    log.routerOffline(open + 4 * HOUR, 2);
    log.routerOnline(open + 4 * HOUR + 4 * MINUTE, 2);
  }
  log.write(open + hours * HOUR - 10 * MINUTE, 'auth.logout', { username: 'maria' }, DESKS.cashier);
};

describe('alert rules on ordinary days', () => {
  it('a normal day raises no alert', () => {
    const { log, alerts } = setUp();
    ordinaryDay(log, 0);
    expect(alerts()).toEqual([]);
  });

  it('a month of ordinary office activity raises no alert', () => {
    const { tc, log, alerts } = setUp();
    for (let day = 0; day < 31; day += 1) {
      ordinaryDay(log, day);
      tc.core.alertTick(T0 + day * DAY + 10 * HOUR);
      tc.core.evaluateAlerts();
    }
    expect(alerts()).toEqual([]);
    // The rules saw the whole month: they keep what they learnt in small tables, no log scans.
    const entries = tc.core.sqlite.prepare('SELECT count(*) AS n FROM activity_log').get() as {
      n: number;
    };
    expect(entries.n).toBeGreaterThan(31 * 30);
  });
});
