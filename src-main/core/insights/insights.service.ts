import type { Role } from '../../contract/roles';
import type { ActivityType } from '../../contract/schemas/activity';
import {
  INSIGHTS_MAX_DAYS,
  INSIGHTS_RANGES,
  type InsightsActivity,
  type InsightsJobs,
  type InsightsRange,
  type InsightsRouters,
} from '../../contract/schemas/insights';
import { officeDayBound } from '../../domain/office-time';
import { logCategoriesOf } from '../../domain/permissions';
import type { createRollupCounts } from '../activity/rollup-counts';
import type { RouterEventCounts } from '../activity/router-event-counts';
import type { ScopedFilter } from '../activity/search-plan';
import { fieldError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { JobHourRow, JobRunsRepo, SlowRun } from './job-runs.repo';
import { createOfficeHours, HOUR_MS } from './office-buckets';
import type { RouterRollupRepo } from './router-rollup.repo';
import type { RunHistory } from './run-history';

export type RangeInput = {
  range?: InsightsRange | undefined;
  fromDay?: string | undefined;
  toDay?: string | undefined;
};

type Range = { from: number; to: number; bucket: 'hour' | 'day' };

/** Entries a staff member makes (sign-ins, changes, money): "who works when". */
const STAFF_TYPES: ActivityType[] = ['user', 'administrative'];
/** Work that could not reach a router (each retried until it does). */
export const SYNC_FAILURE_EVENTS = ['sync.push_failed'] as const;
/** How many of the slowest runs the screen lists. */
export const SLOWEST_RUNS = 10;

const whole = (n: number) => Math.round(n);

/**
 * The Insights screen's figures, all from rollups and kept history, never from a scan of the
 * activity log: entries per office weekday and hour and staff actions per office day from the
 * log's hourly rollup (`activity_hourly`), job durations from the job-run history
 * (run-history.ts), router latency and outages from the routers' hourly health
 * (`router_health_hourly`), and sync failures through the log's per-router index.
 */
export const createInsightsService = (deps: {
  clock: Clock;
  timeZone: () => string;
  rollups: ReturnType<typeof createRollupCounts>;
  routerEvents: RouterEventCounts;
  runs: JobRunsRepo;
  history: RunHistory;
  routerHours: RouterRollupRepo;
  jobs: () => { name: string; label: string }[];
  routers: () => { id: number; name: string }[];
  staffNames: () => Map<number, string>;
}) => {
  const resolve = (input: RangeInput): Range => {
    if (input.range !== undefined) {
      const now = deps.clock.now();
      const ms = INSIGHTS_RANGES[input.range].ms;
      return {
        from: Math.max(0, now - ms + 1),
        to: now,
        bucket: ms <= HOUR_MS * 48 ? 'hour' : 'day',
      };
    }
    const tz = deps.timeZone();
    const from = officeDayBound(input.fromDay ?? '', tz, false);
    const to = officeDayBound(input.toDay ?? '', tz, true);
    if (from === null)
      throw fieldError('validation', { path: ['fromDay'], message: 'No such day' });
    if (to === null) throw fieldError('validation', { path: ['toDay'], message: 'No such day' });
    const days = Math.round((to + 1 - from) / 86_400_000);
    if (days > INSIGHTS_MAX_DAYS) {
      throw fieldError('validation', {
        path: ['fromDay'],
        message: `At most ${String(INSIGHTS_MAX_DAYS)} days at a time`,
      });
    }
    return { from, to, bucket: days <= 2 ? 'hour' : 'day' };
  };

  const hoursOf = (r: Range) => ({
    first: Math.floor(r.from / HOUR_MS),
    last: Math.floor(r.to / HOUR_MS),
  });

  return {
    /** Who works when (weekday × hour) and staff actions per office day. */
    activity: (
      input: RangeInput & { scope: 'staff' | 'all'; actorId?: number | undefined },
      viewer: Role,
    ): InsightsActivity => {
      const r = resolve(input);
      const { first, last } = hoursOf(r);
      const office = createOfficeHours(deps.timeZone(), r.bucket);
      const visible = logCategoriesOf(viewer);
      const base: ScopedFilter = visible ? { visibleCategories: visible } : {};

      const cells = new Map<
        number,
        { weekday: number; hour: number; n: number; latestHour: number }
      >();
      const heat: ScopedFilter = {
        ...base,
        ...(input.scope === 'staff' ? { types: STAFF_TYPES } : {}),
        ...(input.actorId === undefined ? {} : { actorIds: [input.actorId] }),
      };
      for (const row of deps.rollups.buckets(heat, first, last, 'hour')) {
        if (row.n <= 0) continue;
        const p = office.of(row.bucket);
        const key = p.weekday * 24 + p.hour;
        const cell = cells.get(key);
        const at = row.bucket * HOUR_MS;
        if (!cell) cells.set(key, { weekday: p.weekday, hour: p.hour, n: row.n, latestHour: at });
        else {
          cell.n += row.n;
          cell.latestHour = Math.max(cell.latestHour, at);
        }
      }

      const perStaff = new Map<number, Map<string, number>>();
      for (const row of deps.rollups.actorHours({ ...base, types: STAFF_TYPES }, first, last)) {
        if (row.n <= 0) continue;
        const day = office.of(row.hour).day;
        const days = perStaff.get(row.actorId) ?? new Map<string, number>();
        days.set(day, (days.get(day) ?? 0) + row.n);
        perStaff.set(row.actorId, days);
      }
      const names = deps.staffNames();
      const staff = [...perStaff.entries()]
        .map(([id, days]) => ({
          id,
          name: names.get(id) ?? `Staff member #${String(id)}`,
          total: [...days.values()].reduce((a, b) => a + b, 0),
          days: [...days.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([day, n]) => ({ day, n })),
        }))
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));

      return {
        ...r,
        scope: input.scope,
        actorId: input.actorId ?? null,
        cells: [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
        days: office.days(r.from, r.to),
        staff,
      };
    },

    /** Each job's durations over time, and the slowest runs. */
    jobs: (input: RangeInput): InsightsJobs => {
      const r = resolve(input);
      const { first, last } = hoursOf(r);
      const office = createOfficeHours(deps.timeZone(), r.bucket);
      const pending: JobHourRow[] = deps.history
        .pending()
        .filter((h) => h.hour >= first && h.hour <= last);
      type Point = { from: number; runs: number; failures: number; totalMs: number; maxMs: number };
      const perJob = new Map<string, Map<number, Point>>();
      for (const h of [...deps.runs.hours(r.from, r.to), ...pending]) {
        const points = perJob.get(h.job) ?? new Map<number, Point>();
        perJob.set(h.job, points);
        const from = office.bucketStart(h.hour);
        const p = points.get(from) ?? { from, runs: 0, failures: 0, totalMs: 0, maxMs: 0 };
        p.runs += h.runs;
        p.failures += h.failures;
        p.totalMs += h.totalMs;
        p.maxMs = Math.max(p.maxMs, h.maxMs);
        points.set(from, p);
      }
      const defined = deps.jobs();
      const labels = new Map(defined.map((j) => [j.name, j.label]));
      const names = [
        ...defined.map((j) => j.name),
        ...[...perJob.keys()].filter((n) => !labels.has(n)),
      ];
      const jobs = names.map((name) => {
        const series = [...(perJob.get(name)?.values() ?? [])].sort((a, b) => a.from - b.from);
        const runs = series.reduce((n, p) => n + p.runs, 0);
        const totalMs = series.reduce((n, p) => n + p.totalMs, 0);
        return {
          name,
          label: labels.get(name) ?? name,
          runs,
          failures: series.reduce((n, p) => n + p.failures, 0),
          avgMs: runs === 0 ? 0 : whole(totalMs / runs),
          maxMs: series.reduce((n, p) => Math.max(n, p.maxMs), 0),
          series: series.map((p) => ({
            from: p.from,
            runs: p.runs,
            failures: p.failures,
            avgMs: p.runs === 0 ? 0 : whole(p.totalMs / p.runs),
            maxMs: p.maxMs,
          })),
        };
      });

      const pendingPeaks: SlowRun[] = pending.map((h) => ({
        job: h.job,
        startedAt: h.maxAt,
        durationMs: h.maxMs,
        outcome: null,
        trigger: 'schedule',
        exact: false,
      }));
      const slowest = [...deps.runs.slowest(r.from, r.to, SLOWEST_RUNS), ...pendingPeaks]
        .sort((a, b) => b.durationMs - a.durationMs || a.startedAt - b.startedAt)
        .slice(0, SLOWEST_RUNS)
        .map((s) => ({
          name: s.job,
          label: labels.get(s.job) ?? s.job,
          startedAt: s.startedAt,
          durationMs: s.durationMs,
          outcome: s.outcome,
          trigger: s.trigger,
          exact: s.exact,
        }));
      return { ...r, jobs, slowest };
    },

    /** Each router's latency, failed polls, outages and sync failures over the range. */
    routers: (input: RangeInput): InsightsRouters => {
      const r = resolve(input);
      const office = createOfficeHours(deps.timeZone(), r.bucket);
      type Acc = {
        samples: number;
        failed: number;
        outages: number;
        latencySum: number;
        latencyCount: number;
        latencyMax: number | null;
      };
      const empty = (): Acc => ({
        samples: 0,
        failed: 0,
        outages: 0,
        latencySum: 0,
        latencyCount: 0,
        latencyMax: null,
      });
      const add = (a: Acc, h: Acc) => {
        a.samples += h.samples;
        a.failed += h.failed;
        a.outages += h.outages;
        a.latencySum += h.latencySum;
        a.latencyCount += h.latencyCount;
        if (h.latencyMax !== null) a.latencyMax = Math.max(a.latencyMax ?? 0, h.latencyMax);
      };
      const totals = new Map<number, Acc>();
      const series = new Map<number, Map<number, Acc>>();
      for (const h of deps.routerHours.hours(r.from, r.to)) {
        const total = totals.get(h.routerId) ?? empty();
        totals.set(h.routerId, total);
        add(total, h);
        const points = series.get(h.routerId) ?? new Map<number, Acc>();
        series.set(h.routerId, points);
        const from = office.bucketStart(h.hour);
        const p = points.get(from) ?? empty();
        points.set(from, p);
        add(p, h);
      }
      const avg = (a: Acc) => (a.latencyCount === 0 ? null : whole(a.latencySum / a.latencyCount));
      const list = deps.routers();
      const sync = deps.routerEvents.count(
        list.map((x) => x.id),
        r.from,
        r.to,
        SYNC_FAILURE_EVENTS,
      );
      return {
        ...r,
        routers: list.map(({ id, name }) => {
          const t = totals.get(id) ?? empty();
          return {
            id,
            name,
            samples: t.samples,
            failed: t.failed,
            outages: t.outages,
            syncFailures: sync.get(id) ?? 0,
            latencyAvg: avg(t),
            latencyMax: t.latencyMax,
            series: [...(series.get(id)?.entries() ?? [])]
              .sort(([a], [b]) => a - b)
              .map(([from, p]) => ({
                from,
                samples: p.samples,
                failed: p.failed,
                latencyAvg: avg(p),
                latencyMax: p.latencyMax,
              })),
          };
        }),
      };
    },
  };
};

export type InsightsService = ReturnType<typeof createInsightsService>;
