import { describe, expect, it } from 'vitest';
import type { JobRun } from '../../contract/schemas/jobs';
import { officeHourOf } from '../../domain/office-time';
import { createRollupCounts } from '../activity/rollup-counts';
import { createRouterEventCounts } from '../activity/router-event-counts';
import { createSearchPlanner } from '../activity/search-plan';
import { makePlan, makeRouter, officeCore, type Office } from '../test-support/office-fixtures';
import {
  addSimRouter,
  bringBack,
  networkOffice,
  takeOffline,
} from '../test-support/network-fixtures';
import {
  HOUR,
  MINUTE,
  T0,
  failure,
  logRows,
  testCore,
  unwrap,
  signInAdmin,
} from '../test-support/test-core';
import { createInsightsService } from './insights.service';
import { createJobRunsRepo } from './job-runs.repo';
import { createRouterRollupRepo } from './router-rollup.repo';
import { createRunHistory, TICK_FLUSH_MS } from './run-history';

const DAY = 24 * HOUR;
const NAIROBI = 'Africa/Nairobi';

const run = (startedAt: number, durationMs: number, over: Partial<JobRun> = {}): JobRun => ({
  startedAt,
  durationMs,
  outcome: 'success',
  summary: 'done',
  error: null,
  trigger: 'schedule',
  actor: null,
  ...over,
});

/**
 * An insights service over `sqlite` whose every statement is recorded with its parameters, and
 * a run history beside it (the tests write the history through it).
 */
const watchedInsights = (o: Office, timeZone = NAIROBI) => {
  const used: { sql: string; args: unknown[] }[] = [];
  const real = o.core.sqlite;
  const sqlite = new Proxy(real, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop !== 'prepare') {
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      }
      return (sql: string) => {
        const st = target.prepare(sql);
        return new Proxy(st, {
          get(s, p) {
            const value = Reflect.get(s, p, s) as unknown;
            if ((p === 'all' || p === 'get') && typeof value === 'function') {
              return (...args: unknown[]) => {
                used.push({ sql, args });
                return (value as (...a: unknown[]) => unknown).apply(s, args);
              };
            }
            return typeof value === 'function' ? (value as () => unknown).bind(s) : value;
          },
        });
      };
    },
  });
  const planner = createSearchPlanner(sqlite);
  const runs = createJobRunsRepo(sqlite);
  const routerHours = createRouterRollupRepo(sqlite);
  const history = createRunHistory({
    runs,
    routers: routerHours,
    write: o.core.write,
    clock: o.tc.clock,
    logger: o.tc.logger,
  });
  const service = createInsightsService({
    clock: o.tc.clock,
    timeZone: () => timeZone,
    rollups: createRollupCounts(sqlite, (from, to) => planner.idRange(from, to)),
    routerEvents: createRouterEventCounts(sqlite),
    runs,
    history,
    routerHours,
    jobs: () => [
      { name: 'db.backup', label: 'Database backup' },
      { name: 'routers.health', label: 'Router health checks' },
    ],
    routers: () =>
      real.prepare('SELECT id, name FROM routers ORDER BY name').all() as {
        id: number;
        name: string;
      }[],
    staffNames: () => new Map([[o.ids.admin, 'Ada Admin']]),
  });
  /** Every query the service ran, as SQLite plans it. */
  const plans = () =>
    used.map(({ sql, args }) => ({
      sql,
      plan: (real.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | '),
    }));
  return { service, history, runs, plans, used };
};

describe('insights', () => {
  it('counts who works when and staff actions per day in the office zone, as the log has them', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { timeZone: NAIROBI }));
    // Tuesday 12:00 in Nairobi (09:00 UTC), then Wednesday 23:30 (the next UTC day's 20:30).
    await makePlan(o.admin, { name: 'Home 10' });
    o.tc.clock.advance(DAY + 11 * HOUR + 30 * MINUTE);
    await makePlan(o.admin, { name: 'Home 20' });
    await makePlan(o.admin, { name: 'Home 30' });
    o.tc.clock.advance(HOUR);

    const got = unwrap(await o.admin.call('insights.activity', { range: '7d' }));
    expect(got.scope).toBe('staff');
    expect(got.bucket).toBe('day');

    // The same counts from every row of the log, by brute force, over the same whole hours.
    const first = Math.floor(got.from / HOUR);
    const last = Math.floor(got.to / HOUR);
    const inRange = logRows(o.core).filter((r) => {
      const h = Math.floor(r.ts / HOUR);
      return h >= first && h <= last && (r.type === 'user' || r.type === 'administrative');
    });
    expect(inRange.length).toBeGreaterThan(5);
    const cells = new Map<string, number>();
    const staffDays = new Map<string, number>();
    for (const r of inRange) {
      const p = officeHourOf(Math.floor(r.ts / HOUR) * HOUR + HOUR / 2, NAIROBI);
      const key = `${String(p.weekday)}|${String(p.hour)}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
      if (r.actor_id !== null) {
        const k = `${String(r.actor_id)}|${p.day}`;
        staffDays.set(k, (staffDays.get(k) ?? 0) + 1);
      }
    }
    expect(new Map(got.cells.map((c) => [`${String(c.weekday)}|${String(c.hour)}`, c.n]))).toEqual(
      cells,
    );
    expect(
      new Map(got.staff.flatMap((s) => s.days.map((d) => [`${String(s.id)}|${d.day}`, d.n]))),
    ).toEqual(staffDays);

    // Tuesday noon and Wednesday 23:00 in Nairobi; the latter links to that very hour.
    const tuesdayNoon = got.cells.find((c) => c.weekday === 1 && c.hour === 12);
    expect(tuesdayNoon?.latestHour).toBe(T0);
    const wednesdayLate = got.cells.find((c) => c.weekday === 2 && c.hour === 23);
    expect(wednesdayLate?.n).toBeGreaterThanOrEqual(2);
    expect(wednesdayLate?.latestHour).toBe(T0 + DAY + 11 * HOUR);
    const admin = got.staff.find((s) => s.id === o.ids.admin);
    expect(admin?.name).toBe('Ada Admin');
    expect(admin?.days.map((d) => d.day)).toEqual(['2030-01-15', '2030-01-16']);
    // Now is Thursday 00:30 in Nairobi (Wednesday 21:30 UTC).
    expect(got.days.at(-1)).toBe('2030-01-17');
    expect(got.days).toHaveLength(8);

    // One staff member, every entry: the system's own entries count too.
    const all = unwrap(
      await o.admin.call('insights.activity', { range: '7d', scope: 'all', actorId: o.ids.admin }),
    );
    expect(all.actorId).toBe(o.ids.admin);
    const adminRows = logRows(o.core).filter(
      (r) => r.actor_id === o.ids.admin && Math.floor(r.ts / HOUR) >= first,
    );
    expect(all.cells.reduce((n, c) => n + c.n, 0)).toBe(adminRows.length);
  });

  it('reads whole office days, refuses ranges it cannot read, and is for administrators and viewers', async () => {
    const o = await officeCore();
    unwrap(await o.admin.call('settings.update', { timeZone: NAIROBI }));
    const days = unwrap(
      await o.viewer.call('insights.jobs', { fromDay: '2030-01-15', toDay: '2030-01-15' }),
    );
    // Midnight to midnight in Nairobi: 21:00 UTC the day before.
    expect(days.from).toBe(Date.UTC(2030, 0, 14, 21));
    expect(days.to).toBe(Date.UTC(2030, 0, 15, 21) - 1);
    expect(days.bucket).toBe('hour');
    failure(await o.cashier.call('insights.jobs', { range: '24h' }), 'forbidden');
    failure(await o.tech.call('insights.routers', { range: '24h' }), 'forbidden');
    const long = failure(
      await o.admin.call('insights.routers', { fromDay: '2029-01-01', toDay: '2030-01-15' }),
      'validation',
    );
    expect(long.message).toMatch(/366 days/);
    failure(await o.admin.call('insights.jobs', {}), 'validation');
    failure(
      await o.admin.call('insights.jobs', { fromDay: '2030-01-16', toDay: '2030-01-15' }),
      'validation',
    );
    failure(
      await o.admin.call('insights.jobs', { fromDay: '2030-02-30', toDay: '2030-03-01' }),
      'validation',
    );
  });

  it("keeps each staff or task run with its entry, and a tick's runs as hourly totals", async () => {
    const tc = testCore();
    const admin = await signInAdmin(tc);
    // A run staff started: one row, written with its log entry.
    unwrap(await admin.call('jobs.runNow', { name: 'activity.checkpoint' }));
    const rows = tc.core.sqlite.prepare('SELECT job, "trigger" FROM job_runs').all();
    expect(rows).toEqual([{ job: 'activity.checkpoint', trigger: 'staff' }]);
    const got = unwrap(await admin.call('insights.jobs', { range: '24h' }));
    const checkpoint = got.jobs.find((j) => j.name === 'activity.checkpoint');
    expect(checkpoint?.runs).toBe(1);
    expect(checkpoint?.label).toMatch(/checkpoint/i);
    expect(got.slowest[0]).toMatchObject({
      name: 'activity.checkpoint',
      trigger: 'staff',
      exact: true,
    });
    // Every defined job is listed, with or without runs.
    expect(got.jobs.map((j) => j.name)).toContain('routers.health');
  });

  it('draws durations over time and the slowest runs from kept runs and tick hours alike', async () => {
    const o = await officeCore();
    const clock = o.tc.clock;
    const tickStart = T0 - 2 * HOUR;
    clock.set(tickStart);
    const w = watchedInsights(o);
    // Three backups (kept one by one) over two days: 2 s, 9 s, 4 s.
    const backups = [
      [T0 - 30 * HOUR, 2_000],
      [T0 - 20 * HOUR, 9_000],
      [T0 - 2 * HOUR, 4_000],
    ] as const;
    o.core.write(() => {
      for (const [at, ms] of backups) w.history.kept('db.backup', run(at, ms));
    });
    // 240 health ticks, one every 30 s over two hours; one slow one (700 ms) and two failures.
    for (let i = 0; i < 240; i += 1) {
      const at = tickStart + i * 30_000;
      clock.set(at);
      const ms = i === 100 ? 700 : 40;
      w.history.tick(
        'routers.health',
        run(at, ms, i === 7 || i === 8 ? { outcome: 'failure' } : {}),
      );
    }
    clock.set(T0);
    // Written every few minutes, not every tick: one row per job and hour.
    const written = o.core.sqlite.prepare('SELECT count(*) AS n FROM job_run_hours').get() as {
      n: number;
    };
    expect(written.n).toBe(2);
    const hours = o.core.sqlite.prepare('SELECT sum(runs) AS runs FROM job_run_hours').get() as {
      runs: number;
    };
    // The last few minutes' ticks are still in memory.
    expect(hours.runs).toBeGreaterThan(200);
    expect(hours.runs).toBeLessThan(240);

    const got = w.service.jobs({ range: '7d' });
    const backup = got.jobs.find((j) => j.name === 'db.backup');
    expect(backup).toMatchObject({ runs: 3, failures: 0, avgMs: 5_000, maxMs: 9_000 });
    // Per office day in Nairobi: T0-30h is 2030-01-14 06:00 EAT, the others 2030-01-14 16:00
    // and 2030-01-15 10:00.
    expect(backup?.series.map((p) => [p.runs, p.maxMs])).toEqual([
      [2, 9_000],
      [1, 4_000],
    ]);
    const health = got.jobs.find((j) => j.name === 'routers.health');
    // The ticks not yet written count too (pending in memory).
    expect(health).toMatchObject({ runs: 240, failures: 2, maxMs: 700 });
    expect(got.slowest.slice(0, 3).map((s) => [s.name, s.durationMs, s.exact])).toEqual([
      ['db.backup', 9_000, true],
      ['db.backup', 4_000, true],
      ['db.backup', 2_000, true],
    ]);
    const slowTick = got.slowest.find((s) => s.name === 'routers.health');
    expect(slowTick).toMatchObject({ durationMs: 700, startedAt: tickStart + 100 * 30_000 });
    expect(slowTick?.outcome).toBeNull();

    // After the flush at stop, the same figures come from the table alone.
    w.history.flush();
    expect(w.history.pending()).toEqual([]);
    const again = w.service.jobs({ range: '7d' });
    expect(again.jobs.find((j) => j.name === 'routers.health')).toMatchObject({
      runs: 240,
      failures: 2,
      maxMs: 700,
    });
    const stored = o.core.sqlite
      .prepare('SELECT sum(runs) AS runs, count(*) AS n FROM job_run_hours')
      .get() as { runs: number; n: number };
    expect(stored).toEqual({ runs: 240, n: 2 });
  });

  it('prunes history older than the kept days a chunk at a time', async () => {
    const o = await officeCore();
    const w = watchedInsights(o);
    const old = T0 - 500 * DAY;
    o.core.write(() => {
      for (let i = 0; i < 700; i += 1) w.history.kept('db.backup', run(old + i * 1000, 10));
      w.history.kept('db.backup', run(T0 - DAY, 10));
    });
    const count = () =>
      (o.core.sqlite.prepare('SELECT count(*) AS n FROM job_runs').get() as { n: number }).n;
    o.tc.clock.set(T0 + TICK_FLUSH_MS);
    w.history.tick('routers.health', run(T0 + TICK_FLUSH_MS, 5));
    expect(count()).toBe(201);
    o.tc.clock.advance(TICK_FLUSH_MS);
    w.history.tick('routers.health', run(o.tc.clock.now(), 5));
    expect(count()).toBe(1);
  });

  it('shows each router: latency, outages from its hourly health, sync failures from its entries', async () => {
    const o = await networkOffice({ network: { sampleEveryMs: 5 * MINUTE } });
    const { sim, router } = await addSimRouter(o.tech, { name: 'Tower North' });
    const quiet = await makeRouter(o.admin, 'Tower Quiet');
    const health = o.core.services.health;
    // Three hours of polls ten minutes apart; down from 1h to 1h30, and again from 2h to 2h20.
    for (let minute = 0; minute <= 180; minute += 10) {
      if (minute === 60 || minute === 120) await takeOffline(sim);
      if (minute === 90 || minute === 140) await bringBack(sim);
      await health.pollNow([router.id]);
      o.tc.clock.advance(10 * MINUTE);
      sim.advance(10 * MINUTE);
    }
    // A change that could not be pushed (logged against the router), and one for another router.
    const ctx = { ...o.core.systemMeta(), actor: null };
    o.core.write(() => {
      o.core.recorder.record({
        event: 'sync.push_failed',
        params: { router: 'Tower North', subject: 'client 1', error: 'timed out' },
        ctx,
        routerId: router.id,
      });
      o.core.recorder.record({
        event: 'sync.pushed',
        params: { router: 'Tower North', subject: 'client 2', summary: 'added' },
        ctx,
        routerId: router.id,
      });
    });

    const samples = o.core.sqlite
      .prepare('SELECT ok, latency_ms AS latency FROM router_health_samples WHERE router_id = ?')
      .all(router.id) as { ok: number; latency: number | null }[];
    const got = unwrap(await o.admin.call('insights.routers', { range: '24h' }));
    expect(got.bucket).toBe('hour');
    const north = got.routers.find((r) => r.id === router.id);
    expect(north).toMatchObject({
      name: 'Tower North',
      samples: samples.length,
      failed: samples.filter((s) => !s.ok).length,
      outages: 2,
      syncFailures: 1,
    });
    const latencies = samples.flatMap((s) => (s.latency === null ? [] : [s.latency]));
    expect(north?.latencyMax).toBe(Math.max(...latencies));
    expect(north?.latencyAvg).toBe(
      Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    );
    expect(north?.series.reduce((n, p) => n + p.samples, 0)).toBe(samples.length);
    expect(got.routers.find((r) => r.id === quiet.id)).toMatchObject({
      samples: 0,
      outages: 0,
      syncFailures: 0,
      latencyAvg: null,
    });
  });

  it('never scans the activity log: rollups, kept history and the per-router index only', async () => {
    const o = await officeCore();
    const w = watchedInsights(o);
    await makeRouter(o.admin, 'Tower A');
    for (let i = 0; i < 20; i += 1) await makePlan(o.admin, { name: `Plan ${String(i)}` });
    w.service.activity({ range: '90d', scope: 'staff' }, 'administrator');
    w.service.activity({ range: '24h', scope: 'all', actorId: o.ids.admin }, 'cashier');
    w.service.jobs({ range: '30d' });
    w.service.routers({ range: '90d' });
    const plans = w.plans();
    expect(plans.length).toBeGreaterThan(5);
    // The log's first and last ids (one row each, by the primary key) bound the id range.
    const oneRow = (sql: string) => /ORDER BY id( DESC)? LIMIT 1$/.test(sql.trim());
    const onLog = plans.filter((p) => /\bactivity_log\b/.test(p.plan) && !oneRow(p.sql));
    // On the log itself: a binary search over its ids, and a router's entries between two ids.
    expect(onLog.some((p) => /activity_log_router_idx/.test(p.plan))).toBe(true);
    for (const p of onLog) {
      expect(p.plan, p.sql).toMatch(
        /^SEARCH activity_log USING (INDEX activity_log_router_idx \(router_id=\? AND rowid>\? AND rowid<\?\)|INTEGER PRIMARY KEY \(rowid>\?\))$/,
      );
    }
    for (const p of plans.filter((q) => !oneRow(q.sql))) {
      expect(p.plan, p.sql).not.toMatch(
        /SCAN (activity_log|activity_hourly|router_health_samples|router_health_hourly|job_runs|job_run_hours)\b/,
      );
    }
  });
});
