import { PAYMENT_METHODS } from '../../contract/schemas/billing';
import type { ActivityEntry } from '../../contract/schemas/activity';
import type { Dashboard, DrawerReport, IncomeReport } from '../../contract/schemas/reports';
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
}) => {
  const { ledger } = deps;
  const counts = createClientCounts(deps.clients);
  const currency = () => currencyOf(deps.settings.get());

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
      return {
        counts: counts.count(now, now + days * 86_400_000),
        expiringWithinDays: days,
        todayIncome: actor.permissions.has('reports.financial')
          ? sums(ledger.cashTotals([{ label: 'today', ...today }])).net
          : null,
        currency: currency(),
        recentActivity: actor.permissions.has('activity.read')
          ? deps.recentActivity(10, actor)
          : [],
      };
    },
  };
};

export type ReportsService = ReturnType<typeof createReportsService>;
