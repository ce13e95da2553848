import { PAYMENT_METHODS } from '../../contract/schemas/billing';
import type { ActivityEntry } from '../../contract/schemas/activity';
import type { Permission } from '../../contract/roles';
import type { Job } from '../../contract/schemas/jobs';
import type {
  Dashboard,
  DrawerReport,
  IncomeReport,
  QueueGlance,
  RoutersGlance,
} from '../../contract/schemas/reports';
import type { OfficeProfile } from '../../contract/schemas/settings';
import type { PlansRepo } from '../plans/plans.repo';
import { fieldError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor } from '../shared/context';
import { currencyOf } from '../../domain/money';
import { dayOf, dayRange, daysRange, periodLabels } from '../shared/office-time';
import type { ClientSearch } from '../clients/client-search';
import type { ClientsRepo } from '../clients/clients.repo';
import type { SettingsService } from '../settings/settings.service';
import type { Bucket, LedgerRepo } from '../billing/ledger.repo';
import { sums } from './money-totals';
import type { StaffRepo } from '../auth/staff.repo';
import { createClientCounts } from './client-counts';

const MAX_BUCKETS = 400;
const INCOME_DAYS = 30;
const DAY_MS = 86_400_000;

export type DashboardSources = {
  routers: () => RoutersGlance;
  queue: () => QueueGlance;
  jobs: () => Job[];
};
const DEFAULT_EXPIRING_DAYS = 7;

/** Drawer close, income, expiring clients and the dashboard; all in the office time zone. */
export const createReportsService = (deps: {
  staff: Pick<StaffRepo, 'displayNames'>;
  ledger: LedgerRepo;
  clients: Pick<ClientsRepo, 'countByStatus' | 'countActiveExpiring'>;
  clock: Clock;
  settings: SettingsService;
  search: ClientSearch;
  recentActivity: (limit: number, viewer: Actor) => ActivityEntry[];
  plans: Pick<PlansRepo, 'names'>;
  officeProfile: () => Pick<OfficeProfile, 'setupDone'>;
  /** Routers, the provisioning queue and the scheduled jobs, from outside the office services. */
  glance: DashboardSources;
}) => {
  const { ledger } = deps;
  const counts = createClientCounts(deps.clients);
  const currency = () => currencyOf(deps.settings.get());

  /** One ledger bucket per day or month of [from, to], in the office zone. */
  const periodBuckets = (
    input: { from: string; to: string; groupBy: 'day' | 'month' },
    timeZone: string,
  ): { labels: string[]; buckets: Bucket[] } => {
    const labels = periodLabels(input.from, input.to, input.groupBy);
    if (labels.length > MAX_BUCKETS) {
      throw fieldError('validation', {
        path: ['to'],
        message: `At most ${String(MAX_BUCKETS)} ${input.groupBy}s per report; choose a shorter range or group by month.`,
      });
    }
    const buckets: Bucket[] = labels.map((label, i) => {
      const start = i === 0 ? input.from : input.groupBy === 'day' ? label : `${label}-01`;
      const span = dayRange(start, timeZone);
      const next = labels[i + 1];
      const end =
        next === undefined
          ? dayRange(input.to, timeZone).to
          : dayRange(input.groupBy === 'day' ? next : `${next}-01`, timeZone).from;
      return { label, from: span.from, to: end };
    });
    return { labels, buckets };
  };

  /** The office at a glance: each part only for those allowed to read it. */
  const glance = (now: number, timeZone: string, counts: Dashboard['counts'], actor: Actor) => {
    const can = (p: Permission) => actor.permissions.has(p);
    const today = dayOf(now, timeZone);
    const monthAgo = dayOf(dayRange(today, timeZone).from - (INCOME_DAYS - 1) * DAY_MS, timeZone);
    const income = () => {
      const { labels, buckets } = periodBuckets(
        { from: monthAgo, to: today, groupBy: 'day' },
        timeZone,
      );
      const rows = ledger.cashTotals(buckets);
      return labels.map((day) => ({ day, net: sums(rows.filter((r) => r.label === day)).net }));
    };
    const routers = deps.glance.routers();
    return {
      routers: can('routers.read') ? routers : null,
      queue: can('routers.read') ? deps.glance.queue() : null,
      failingJobs: can('jobs.read')
        ? deps.glance
            .jobs()
            .filter((j) => j.lastRun?.outcome === 'failure')
            .map((j) => ({
              name: j.name,
              label: j.label,
              consecutiveFailures: j.consecutiveFailures,
              lastRunAt: j.lastRun?.startedAt ?? null,
              error: j.lastRun?.error ?? null,
            }))
        : null,
      income: can('reports.financial') ? income() : null,
      firstSteps: {
        profile: deps.officeProfile().setupDone,
        router: routers.total > 0,
        plan: deps.plans.names().size > 0,
        client: Object.values(counts).some((n) => n > 0),
      },
    };
  };

  return {
    /** What each staff member took per method on one office day: the drawer close. */
    drawer: (input: { day: string; staffId?: number }): DrawerReport => {
      const { timeZone } = deps.settings.get();
      const { from, to } = dayRange(input.day, timeZone);
      const rows = ledger.cashTotals([{ label: input.day, from, to }], input.staffId);
      const names = deps.staff.displayNames();
      const keys = [...new Set(rows.map((r) => `${String(r.staffId)}|${r.method}`))].sort();
      return {
        day: input.day,
        timeZone,
        from,
        to,
        currency: currency(),
        rows: keys.map((k) => {
          const [staff, method] = k.split('|');
          const mine = rows.filter((r) => String(r.staffId) === staff && r.method === method);
          const first = mine[0];
          if (!first) throw new Error('empty drawer group');
          return {
            staffId: first.staffId,
            staffName: names.get(first.staffId) ?? `#${String(first.staffId)}`,
            method: first.method,
            ...sums(mine),
          };
        }),
        totals: sums(rows),
      };
    },

    income: (input: { from: string; to: string; groupBy: 'day' | 'month' }): IncomeReport => {
      const { timeZone } = deps.settings.get();
      const { labels, buckets } = periodBuckets(input, timeZone);
      const rows = ledger.cashTotals(buckets);
      const flat = (r: ReturnType<typeof sums>) => ({
        payments: r.payments.amount,
        refunds: r.refunds.amount,
        voids: r.voids.amount,
        net: r.net,
      });
      const range = daysRange(input.from, input.to, timeZone);
      return {
        timeZone,
        currency: currency(),
        buckets: labels.map((period) => ({
          period,
          ...flat(sums(rows.filter((r) => r.label === period))),
        })),
        byMethod: PAYMENT_METHODS.map((method) => ({
          method,
          ...flat(sums(rows.filter((r) => r.method === method))),
        })).filter((m) => m.payments + m.refunds + m.voids > 0),
        byPlan: ledger.chargesByPlan(range.from, range.to).map((p) => ({
          planId: p.planId,
          planName: p.planName,
          renewals: p.n,
          charged: p.total,
        })),
        totals: flat(sums(rows)),
      };
    },

    expiring: (input: { days: number; limit?: number; cursor?: string }) => {
      const now = deps.clock.now();
      const filter = { expiresWithinDays: input.days };
      const page = deps.search.page(
        {
          filter,
          sort: { by: 'expiresAt', dir: 'asc' },
          ...(input.cursor !== undefined ? { cursor: input.cursor } : {}),
          ...(input.limit !== undefined ? { limit: input.limit } : {}),
        },
        now,
      );
      return {
        days: input.days,
        until: now + input.days * 86_400_000,
        total: deps.search.count(filter, now),
        clients: page.items,
        nextCursor: page.nextCursor,
      };
    },

    /** Counts for everyone; money and activity only for those allowed to read them. */
    dashboard: (input: { expiringWithinDays?: number } | undefined, actor: Actor): Dashboard => {
      const now = deps.clock.now();
      const days = input?.expiringWithinDays ?? DEFAULT_EXPIRING_DAYS;
      const { timeZone } = deps.settings.get();
      const today = dayRange(dayOf(now, timeZone), timeZone);
      const clientCounts = counts.count(now, now + days * 86_400_000);
      return {
        counts: clientCounts,
        expiringWithinDays: days,
        todayIncome: actor.permissions.has('reports.financial')
          ? sums(ledger.cashTotals([{ label: 'today', ...today }])).net
          : null,
        currency: currency(),
        recentActivity: actor.permissions.has('activity.read')
          ? deps.recentActivity(10, actor)
          : [],
        glance: glance(now, timeZone, clientCounts, actor),
      };
    },
  };
};

export type ReportsService = ReturnType<typeof createReportsService>;
