import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { OfficeDaySchema } from './billing';
import { JobTriggerSchema } from './jobs';

/** The quick ranges of the Insights screen, counted back from now. */
export const INSIGHTS_RANGES = {
  '24h': { label: 'Last 24 hours', ms: 24 * 3_600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
  '90d': { label: 'Last 90 days', ms: 90 * 86_400_000 },
} as const;
export type InsightsRange = keyof typeof INSIGHTS_RANGES;
const RANGE_NAMES = Object.keys(INSIGHTS_RANGES) as [InsightsRange, ...InsightsRange[]];

/** A custom range covers at most this many office days. */
export const INSIGHTS_MAX_DAYS = 366;

const rangeFields = {
  range: z.enum(RANGE_NAMES, { error: 'Unknown range' }).optional(),
  /** A custom range: whole office days, inclusive (instead of `range`). */
  fromDay: OfficeDaySchema.optional(),
  toDay: OfficeDaySchema.optional(),
};

type RangeFields = { range?: unknown; fromDay?: string | undefined; toDay?: string | undefined };
const picked = (v: RangeFields) =>
  v.range !== undefined || (v.fromDay !== undefined && v.toDay !== undefined);
const ordered = (v: RangeFields) =>
  v.fromDay === undefined || v.toDay === undefined || v.fromDay <= v.toDay;
const PICK = { error: 'Pick a range, or both the first and the last day' };
const ORDER = { path: ['toDay'], error: 'The last day must not be before the first' };

export const InsightsRangeInput = z
  .strictObject(rangeFields)
  .refine(picked, PICK)
  .refine(ordered, ORDER);

/** Who "who works when" counts: staff actions (user and administrative entries) or every entry. */
export const INSIGHTS_SCOPES = ['staff', 'all'] as const;
export const InsightsActivityInput = z
  .strictObject({
    ...rangeFields,
    scope: z.enum(INSIGHTS_SCOPES).default('staff'),
    /** Only this staff member's entries. */
    actorId: IdSchema.optional(),
  })
  .refine(picked, PICK)
  .refine(ordered, ORDER);

const RangeOut = {
  /** The range read, epoch ms inclusive; counts are by whole hours that overlap it. */
  from: EpochMsSchema,
  to: EpochMsSchema,
  /** Charts over time are drawn per hour (24 hours) or per office day. */
  bucket: z.enum(['hour', 'day']),
};

export const InsightsActivitySchema = z.object({
  ...RangeOut,
  scope: z.enum(INSIGHTS_SCOPES),
  actorId: IdSchema.nullable(),
  /** Entries per weekday (0 = Monday) and office hour; empty cells are left out. */
  cells: z.array(
    z.object({
      weekday: z.number().int().min(0).max(6),
      hour: z.number().int().min(0).max(23),
      n: z.number().int(),
      /** The start of the latest hour in the range that added to this cell (for its link). */
      latestHour: EpochMsSchema,
    }),
  ),
  /** The office days of the range, oldest first (`yyyy-MM-dd`). */
  days: z.array(z.string()),
  /** Staff actions per office day, for each staff member with any in the range. */
  staff: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      total: z.number().int(),
      days: z.array(z.object({ day: z.string(), n: z.number().int() })),
    }),
  ),
});
export type InsightsActivity = z.infer<typeof InsightsActivitySchema>;

const DurationPoint = z.object({
  /** Start of the hour or office day. */
  from: EpochMsSchema,
  runs: z.number().int(),
  failures: z.number().int(),
  avgMs: z.number().int(),
  maxMs: z.number().int(),
});

export const InsightsJobsSchema = z.object({
  ...RangeOut,
  jobs: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      runs: z.number().int(),
      failures: z.number().int(),
      avgMs: z.number().int(),
      maxMs: z.number().int(),
      series: z.array(DurationPoint),
    }),
  ),
  /** The slowest runs in the range, slowest first. */
  slowest: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      startedAt: EpochMsSchema,
      durationMs: z.number().int(),
      /** Null for a frequent tick, whose runs are kept as hourly totals. */
      outcome: z.enum(['success', 'failure']).nullable(),
      trigger: JobTriggerSchema,
      /** False: the slowest tick of its hour (the tick's runs are not kept one by one). */
      exact: z.boolean(),
    }),
  ),
});
export type InsightsJobs = z.infer<typeof InsightsJobsSchema>;

export const InsightsRoutersSchema = z.object({
  ...RangeOut,
  routers: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      /** Health polls in the range and how many failed. */
      samples: z.number().int(),
      failed: z.number().int(),
      /** Times it stopped answering (a failed poll after a good one). */
      outages: z.number().int(),
      /** Changes that could not be pushed to it (each retried). */
      syncFailures: z.number().int(),
      latencyAvg: z.number().int().nullable(),
      latencyMax: z.number().int().nullable(),
      series: z.array(
        z.object({
          from: EpochMsSchema,
          samples: z.number().int(),
          failed: z.number().int(),
          latencyAvg: z.number().int().nullable(),
          latencyMax: z.number().int().nullable(),
        }),
      ),
    }),
  ),
});
export type InsightsRouters = z.infer<typeof InsightsRoutersSchema>;
