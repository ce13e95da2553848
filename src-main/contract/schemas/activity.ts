import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { searchTextSchema } from './search-text';
import { TaskIdField } from './tasks';

export const ACTIVITY_TYPES = ['system', 'user', 'administrative'] as const;
export const ACTIVITY_CATEGORIES = [
  'authentication',
  'staff',
  'client',
  'financial',
  'network',
  'auto_sync',
  'expiry',
  'scheduled_task',
  'health_check',
  'audit',
  'system',
] as const;
export const ACTIVITY_OUTCOMES = ['success', 'failure'] as const;

export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);
export const ActivityCategorySchema = z.enum(ACTIVITY_CATEGORIES);
export const ActivityOutcomeSchema = z.enum(ACTIVITY_OUTCOMES);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;
export type ActivityCategory = z.infer<typeof ActivityCategorySchema>;
export type ActivityOutcome = z.infer<typeof ActivityOutcomeSchema>;

export const ActivityEntrySchema = z.object({
  id: IdSchema,
  ts: EpochMsSchema,
  type: ActivityTypeSchema,
  category: ActivityCategorySchema,
  event: z.string(),
  outcome: ActivityOutcomeSchema,
  actor: z.object({ id: IdSchema, name: z.string() }).nullable(),
  ip: z.string().nullable(),
  workstation: z.string().nullable(),
  description: z.string(),
  target: z.object({ type: z.string(), id: z.string(), label: z.string() }).nullable(),
  clientId: IdSchema.nullable(),
  routerId: IdSchema.nullable(),
  details: z.unknown().nullable(),
  correlationId: z.string().nullable(),
  hash: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

/**
 * IP filter: an exact address (`10.0.0.1`), a dotted prefix (`10.0.` or `10.0`), or an IPv4 CIDR
 * block (`10.0.0.0/22`). Parsed and checked in the core, which reports a clear error.
 */
export const IpFilterSchema = z.string().trim().min(1).max(64);

export const ActivityFilterSchema = z.strictObject({
  text: searchTextSchema('Search text', 500).optional(),
  from: EpochMsSchema.optional(),
  to: EpochMsSchema.optional(),
  types: z.array(ActivityTypeSchema).max(3).optional(),
  categories: z.array(ActivityCategorySchema).max(ACTIVITY_CATEGORIES.length).optional(),
  outcomes: z.array(ActivityOutcomeSchema).max(2).optional(),
  events: z
    .array(z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, 'Unknown event code'))
    .max(50)
    .optional(),
  ip: IpFilterSchema.optional(),
  actorIds: z.array(IdSchema).max(50).optional(),
  clientId: IdSchema.optional(),
  routerId: IdSchema.optional(),
  correlationId: z.string().max(64).optional(),
});
export type ActivityFilter = z.infer<typeof ActivityFilterSchema>;

/** An archive file in the data folder's archives/ (read-only review); absent = the live log. */
export const ArchiveNameSchema = z
  .string()
  .regex(/^activity-\d+-\d+\.db$/, 'Not an activity archive name');

export const ActivitySearchInput = z.strictObject({
  filter: ActivityFilterSchema,
  archive: ArchiveNameSchema.optional(),
  /** Keyset cursor: the id of the last entry already shown. */
  cursor: IdSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
});

/** Entries matching `filter` newer than `afterId`: what the live tail says is waiting. */
export const ActivityCountAfterInput = z.strictObject({
  filter: ActivityFilterSchema,
  afterId: z.number().int().min(0),
});

/** Matching entries, counted up to a cap so that the count stays fast at millions of rows. */
export const ActivityCountSchema = z.object({ count: z.number().int(), capped: z.boolean() });

export const ActivitySearchOutputSchema = z.object({
  entries: z.array(ActivityEntrySchema),
  nextCursor: IdSchema.nullable(),
  total: ActivityCountSchema,
});
export type ActivitySearchOutput = z.infer<typeof ActivitySearchOutputSchema>;

export const ActivityExportInput = z.strictObject({
  filter: ActivityFilterSchema,
  archive: ArchiveNameSchema.optional(),
  format: z.enum(['csv', 'ndjson']),
  ...TaskIdField,
});

/**
 * An evidence bundle: the entries of [from, to] (optionally narrowed by a filter), with the hash
 * chain and signed checkpoints that prove them and a standalone check (core/evidence).
 */
export const ActivityBundleInput = z
  .strictObject({
    from: EpochMsSchema,
    to: EpochMsSchema,
    filter: ActivityFilterSchema.omit({ from: true, to: true }).optional(),
    archive: ArchiveNameSchema.optional(),
    ...TaskIdField,
  })
  .refine((b) => b.from <= b.to, { error: 'The range ends before it starts', path: ['to'] });

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: IdSchema.nullable(),
  reason: z.string().nullable(),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const ActivityStatsInput = z.strictObject({
  filter: ActivityFilterSchema,
  archive: ArchiveNameSchema.optional(),
});
export const ActivitySourceInput = z
  .strictObject({ archive: ArchiveNameSchema.optional(), ...TaskIdField })
  .optional();
export const ActivityGetInput = z.strictObject({
  id: IdSchema,
  archive: ArchiveNameSchema.optional(),
});

export const ArchiveSchema = z.object({
  name: z.string(),
  firstId: IdSchema,
  lastId: IdSchema,
  sizeBytes: z.number().int(),
  createdAt: EpochMsSchema,
});
export const ArchiveInput = z.strictObject({ before: EpochMsSchema, ...TaskIdField });
export const ArchiveResultSchema = z.object({
  file: z.string(),
  firstId: IdSchema,
  lastId: IdSchema,
  entries: z.number().int(),
});
export const SavedSearchSchema = z.object({
  id: IdSchema,
  name: z.string(),
  filter: ActivityFilterSchema,
  createdAt: EpochMsSchema,
});
export const SaveSearchInput = z.strictObject({
  name: plainText(
    z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
    'Name',
  ),
  filter: ActivityFilterSchema,
});

export const CheckpointSchema = z.object({
  id: IdSchema,
  uptoId: IdSchema,
  headHash: z.string(),
  createdAt: EpochMsSchema,
  note: z.string(),
  signature: z.string(),
});
export const CheckpointListSchema = z.object({
  publicKey: z.string(),
  checkpoints: z.array(CheckpointSchema),
});

export const ActivityHistogramSchema = z.object({
  from: EpochMsSchema,
  to: EpochMsSchema,
  bucketMs: z.number().int().positive(),
  /** Counts stacked by type; null where the time budget ran out before the bucket was counted. */
  buckets: z.array(
    z.object({
      start: EpochMsSchema,
      system: z.number().int().nullable(),
      user: z.number().int().nullable(),
      administrative: z.number().int().nullable(),
    }),
  ),
  /** False when some bucket counts stopped at the cap or the time budget (text searches). */
  exact: z.boolean(),
});
export type ActivityHistogram = z.infer<typeof ActivityHistogramSchema>;

const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export const ActivityFacetsSchema = z.object({
  types: z.array(FacetCount),
  categories: z.array(FacetCount),
  outcomes: z.array(FacetCount),
  actors: z.array(z.object({ id: IdSchema, name: z.string(), count: z.number().int() })),
  /** False when counts stopped at the cap (shown as "10,000+"). */
  exact: z.boolean(),
});
export type ActivityFacets = z.infer<typeof ActivityFacetsSchema>;

/** New entries of one category since the last notice: how many, and the newest one's id. */
export const RecordedTallySchema = z.object({
  lastId: IdSchema,
  count: z.number().int().positive(),
});
export type RecordedTally = z.infer<typeof RecordedTallySchema>;

/**
 * The live tail's notice that entries were recorded: in all (`lastId`, `count`) and per category.
 * Each session receives only the categories its role may read, totals included, and no notice
 * when none of the new entries is one it may read.
 */
export const ActivityRecordedSchema = RecordedTallySchema.extend({
  categories: z.partialRecord(ActivityCategorySchema, RecordedTallySchema),
});
export type ActivityRecorded = z.infer<typeof ActivityRecordedSchema>;
