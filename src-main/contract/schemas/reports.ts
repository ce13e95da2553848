import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { DaySchema } from './money';
import { PaymentMethodSchema } from './billing';
import { ClientListItemSchema } from './clients';
import { ActivityEntrySchema } from './activity';
import { JobNameSchema } from './jobs';
import { RouterStatusSchema } from './routers';

export const CurrencySchema = z.object({ code: z.string(), minorUnitDigits: z.number().int() });
export const Sum = z.object({ count: z.number().int(), amount: z.number().int() });

export const DrawerInput = z.strictObject({
  day: DaySchema,
  /** Only this staff member's drawer; everyone's when omitted. */
  staffId: IdSchema.optional(),
});

export const DrawerRowSchema = z.object({
  staffId: IdSchema,
  staffName: z.string(),
  method: PaymentMethodSchema,
  payments: Sum,
  refunds: Sum,
  voids: Sum,
  /** Payments less refunds and voided payments: what the drawer should hold for this method. */
  net: z.number().int(),
});

export const DrawerReportSchema = z.object({
  day: z.string(),
  timeZone: z.string(),
  from: EpochMsSchema,
  to: EpochMsSchema,
  currency: CurrencySchema,
  rows: z.array(DrawerRowSchema),
  totals: z.object({ payments: Sum, refunds: Sum, voids: Sum, net: z.number().int() }),
});
export type DrawerReport = z.infer<typeof DrawerReportSchema>;

export const IncomeInput = z
  .strictObject({
    from: DaySchema,
    /** Inclusive. */
    to: DaySchema,
    groupBy: z.enum(['day', 'month']),
  })
  .refine((v) => v.from <= v.to, { error: '"from" must not be after "to"', path: ['to'] });

const IncomeSum = z.object({
  payments: z.number().int(),
  refunds: z.number().int(),
  voids: z.number().int(),
  net: z.number().int(),
});

export const IncomeReportSchema = z.object({
  timeZone: z.string(),
  currency: CurrencySchema,
  /** One bucket per day or month in range, empty ones included (for a chart). */
  buckets: z.array(IncomeSum.extend({ period: z.string() })),
  byMethod: z.array(IncomeSum.extend({ method: PaymentMethodSchema })),
  /** Renewal charges sold per plan, less voided ones. */
  byPlan: z.array(
    z.object({
      planId: IdSchema,
      planName: z.string(),
      renewals: z.number().int(),
      charged: z.number().int(),
    }),
  ),
  totals: IncomeSum,
});
export type IncomeReport = z.infer<typeof IncomeReportSchema>;

export const ExpiringInput = z.strictObject({
  days: z.number().int().min(0).max(366),
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().max(300).optional(),
});

export const ExpiringReportSchema = z.object({
  days: z.number().int(),
  until: EpochMsSchema,
  total: z.object({ count: z.number().int(), capped: z.boolean() }),
  clients: z.array(ClientListItemSchema),
  nextCursor: z.string().nullable(),
});

export const DashboardInput = z
  .strictObject({ expiringWithinDays: z.number().int().min(1).max(60).optional() })
  .optional();

/** Routers by state, and the newest problem among those not online. */
export const RoutersGlanceSchema = z.object({
  total: z.number().int(),
  online: z.number().int(),
  offline: z.number().int(),
  degraded: z.number().int(),
  unknown: z.number().int(),
  disabled: z.number().int(),
  lastProblem: z
    .object({
      routerId: IdSchema,
      name: z.string(),
      status: RouterStatusSchema,
      since: EpochMsSchema,
      /** The router's last error, or what is high (CPU, memory) when degraded. */
      message: z.string().nullable(),
    })
    .nullable(),
});
export type RoutersGlance = z.infer<typeof RoutersGlanceSchema>;

/** Changes waiting in the provisioning queue; `failing` have failed at least once. */
export const QueueGlanceSchema = z.object({
  waiting: z.number().int(),
  failing: z.number().int(),
});
export type QueueGlance = z.infer<typeof QueueGlanceSchema>;

export const FailingJobSchema = z.object({
  name: JobNameSchema,
  label: z.string(),
  consecutiveFailures: z.number().int(),
  lastRunAt: EpochMsSchema.nullable(),
  error: z.string().nullable(),
});

export const OfficeGlanceSchema = z.object({
  /** Null without `routers.read`. */
  routers: RoutersGlanceSchema.nullable(),
  queue: QueueGlanceSchema.nullable(),
  /** Scheduled jobs whose last run failed; null without `jobs.read`. */
  failingJobs: z.array(FailingJobSchema).nullable(),
  /** Net takings per office day, the last 30 days up to today; null without `reports.financial`. */
  income: z.array(z.object({ day: DaySchema, net: z.number().int() })).nullable(),
  /** What a new office has done of its first steps (the dashboard's checklist). */
  firstSteps: z.object({
    profile: z.boolean(),
    router: z.boolean(),
    plan: z.boolean(),
    client: z.boolean(),
  }),
});
export type OfficeGlance = z.infer<typeof OfficeGlanceSchema>;

export const DashboardSchema = z.object({
  counts: z.object({
    active: z.number().int(),
    expired: z.number().int(),
    expiringSoon: z.number().int(),
    /** Signed up, never paid: not counted as expired. */
    awaitingPayment: z.number().int(),
    suspended: z.number().int(),
    disabled: z.number().int(),
    archived: z.number().int(),
  }),
  expiringWithinDays: z.number().int(),
  /** Net takings today in the office time zone; null without `reports.financial`. */
  todayIncome: z.number().int().nullable(),
  currency: CurrencySchema,
  /** Latest activity entries; empty without `activity.read`. */
  recentActivity: z.array(ActivityEntrySchema),
  /** The office at a glance (issue 15); each part null for those not allowed to read it. */
  glance: OfficeGlanceSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;
