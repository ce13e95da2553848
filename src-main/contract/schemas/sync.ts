import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';

export const QueueItemSchema = z.object({
  id: IdSchema,
  routerId: IdSchema,
  routerName: z.string(),
  subject: z.enum(['client', 'plan']),
  subjectId: IdSchema,
  /** "AC000012 Amina Said" or the plan's name. */
  subjectLabel: z.string(),
  /** What caused it: `client.updated`, `subscription.expired`, `plan.updated`, … */
  reason: z.string(),
  correlationId: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastAttemptAt: EpochMsSchema.nullable(),
  nextAttemptAt: EpochMsSchema,
  createdAt: EpochMsSchema,
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const QueueListInput = z
  .strictObject({
    routerId: IdSchema.optional(),
    clientId: IdSchema.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .optional();

export const QueueListSchema = z.object({
  items: z.array(QueueItemSchema),
  total: z.number().int(),
});
export type QueueList = z.infer<typeof QueueListSchema>;

/** Retry waiting work now: one item, one router's, or everything. */
export const RetryNowInput = z
  .strictObject({ itemId: IdSchema.optional(), routerId: IdSchema.optional() })
  .optional();
export const RetryNowResultSchema = z.object({ rescheduled: z.number().int() });

/** One router, one client, or every enabled router. */
export const SyncScopeSchema = z.union([
  z.strictObject({ routerId: IdSchema }),
  z.strictObject({ clientId: IdSchema }),
  z.strictObject({ all: z.literal(true) }),
]);
export type SyncScope = z.infer<typeof SyncScopeSchema>;

export const DRIFT_MENUS = [
  'ppp-secret',
  'ppp-profile',
  'hotspot-user',
  'hotspot-profile',
  'address-list',
] as const;
export const DriftMenuSchema = z.enum(DRIFT_MENUS);
export type DriftMenu = z.infer<typeof DriftMenuSchema>;

export const DRIFT_KINDS = ['missing', 'unknown', 'different'] as const;

export const DriftItemSchema = z.object({
  /** Stable within a router: pass it back in `sync.apply`'s `removeUnknown` to confirm. */
  key: z.string(),
  menu: DriftMenuSchema,
  kind: z.enum(DRIFT_KINDS),
  /** Secret or user name, profile name, or `list address` for address lists. */
  name: z.string(),
  clientId: IdSchema.nullable(),
  planId: IdSchema.nullable(),
  /** For `different`: each field with the router's and the desired value (passwords masked). */
  fields: z.array(
    z.object({
      field: z.string(),
      router: z.string().nullable(),
      desired: z.string().nullable(),
    }),
  ),
  /** What `sync.apply` does: add, set, remove (unknown entries only when confirmed), or keep. */
  action: z.enum(['add', 'set', 'remove', 'keep']),
});
export type DriftItem = z.infer<typeof DriftItemSchema>;

export const RouterDriftSchema = z.object({
  routerId: IdSchema,
  routerName: z.string(),
  /** False when the router could not be read; `error` says why. */
  reachable: z.boolean(),
  error: z.string().nullable(),
  /** Entries compared (desired ∪ router). */
  checked: z.number().int(),
  drift: z.array(DriftItemSchema),
});
export type RouterDrift = z.infer<typeof RouterDriftSchema>;

export const DriftCountsSchema = z.object({
  missing: z.number().int(),
  unknown: z.number().int(),
  different: z.number().int(),
});
export type DriftCounts = z.infer<typeof DriftCountsSchema>;

export const SyncPreviewSchema = z.object({
  routers: z.array(RouterDriftSchema),
  counts: DriftCountsSchema,
});
export type SyncPreview = z.infer<typeof SyncPreviewSchema>;

export const SyncApplyInput = z.strictObject({
  scope: SyncScopeSchema,
  /**
   * Unknown router entries to delete, confirmed by the user from a preview: `{routerId, key}`.
   * Anything unknown and not listed is kept.
   */
  removeUnknown: z
    .array(z.strictObject({ routerId: IdSchema, key: z.string().max(300) }))
    .max(1000)
    .optional(),
});

export const SyncApplyResultSchema = z.object({
  routers: z.array(
    z.object({
      routerId: IdSchema,
      routerName: z.string(),
      reachable: z.boolean(),
      error: z.string().nullable(),
      added: z.number().int(),
      updated: z.number().int(),
      removed: z.number().int(),
      kicked: z.number().int(),
      unknownKept: z.number().int(),
      failed: z.number().int(),
    }),
  ),
  /** The activity-log correlation id under which the operation and every change were logged. */
  correlationId: z.string(),
});
export type SyncApplyResult = z.infer<typeof SyncApplyResultSchema>;

export const SyncPreviewInput = z.strictObject({ scope: SyncScopeSchema });

export const ExpiryRunSchema = z.object({
  /** Clients marked expired in this run. */
  expired: z.number().int(),
  /** Of those, isolated on their router during the run. */
  isolated: z.number().int(),
  /** Waiting in the queue (router offline or refusing); retried with backoff. */
  queued: z.number().int(),
  /** Without a router: expired in the office only. */
  noRouter: z.number().int(),
  /** Why pushes failed, with how many clients each. */
  failures: z.array(z.object({ reason: z.string(), clients: z.number().int() })),
  correlationId: z.string(),
});
export type ExpiryRun = z.infer<typeof ExpiryRunSchema>;
