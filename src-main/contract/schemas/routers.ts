import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { counted } from '../../domain/plural';

export const ROUTER_STATUSES = ['unknown', 'online', 'offline', 'degraded'] as const;
export const RouterStatusSchema = z.enum(ROUTER_STATUSES);
export type RouterStatus = z.infer<typeof RouterStatusSchema>;

/** API-SSL: off (plain API, 8728), anonymous DH (no certificate), or any certificate. */
export const ROUTER_TLS_MODES = ['off', 'anonymous', 'insecure'] as const;
export const RouterTlsSchema = z.enum(ROUTER_TLS_MODES);
export type RouterTlsMode = z.infer<typeof RouterTlsSchema>;

const ascii = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must be at most ${String(max)} characters`)
    .regex(/^[\x20-\x7E]*$/, `${label} may contain printable ASCII only (RouterOS API limit)`);

export const RouterDisplayNameSchema = plainText(
  z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
  'Name',
);
const RouterNotesSchema = plainText(
  z.string().trim().max(2000, 'Notes must be at most 2000 characters'),
  'Notes',
  { multiline: true },
);
export const RouterHostSchema = z
  .string()
  .trim()
  .min(1, 'Address is required')
  .max(253, 'Address must be at most 253 characters')
  .regex(/^[A-Za-z0-9.:-]+$/, 'Address must be an IP address or a host name');
export const RouterPortSchema = z.number().int().min(1).max(65_535);
export const ApiUserSchema = ascii('API user', 64).trim().min(1, 'API user is required');
export const ApiPasswordSchema = ascii('API password', 128);
export const PollIntervalSchema = z
  .number()
  .int()
  .min(5, 'Poll interval must be at least 5 seconds')
  .max(3600, 'Poll interval must be at most 3600 seconds');

/** A router as screens see it: settings (never the password) and its last known health. */
export const RouterSchema = z.object({
  id: IdSchema,
  name: z.string(),
  host: z.string(),
  /** null: the default port for the transport. */
  port: RouterPortSchema.nullable(),
  tls: RouterTlsSchema,
  apiUser: z.string(),
  pollIntervalSec: z.number().int(),
  enabled: z.boolean(),
  notes: z.string(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** Disabled routers show `unknown`. */
  status: RouterStatusSchema,
  statusSince: EpochMsSchema.nullable(),
  lastSeenAt: EpochMsSchema.nullable(),
  lastError: z.string().nullable(),
  identity: z.string().nullable(),
  version: z.string().nullable(),
  board: z.string().nullable(),
  uptimeSec: z.number().int().nullable(),
  cpuLoad: z.number().int().nullable(),
  memoryUsedPct: z.number().int().nullable(),
  activeSessions: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  /** Up and down too often lately: single transitions are not logged until it settles. */
  flapping: z.boolean(),
  /** Router work waiting in the queue. */
  pendingChanges: z.number().int(),
  /** Clients (not archived) served by this router. */
  clientCount: z.number().int(),
});
export type Router = z.infer<typeof RouterSchema>;

export const CreateRouterInput = z.strictObject({
  name: RouterDisplayNameSchema,
  host: RouterHostSchema,
  port: RouterPortSchema.nullable().optional(),
  tls: RouterTlsSchema.optional(),
  apiUser: ApiUserSchema,
  password: ApiPasswordSchema,
  pollIntervalSec: PollIntervalSchema.optional(),
  notes: RouterNotesSchema.optional(),
});
export type CreateRouter = z.infer<typeof CreateRouterInput>;

/** Leave `password` out to keep the stored one. */
export const UpdateRouterInput = z
  .strictObject({
    id: IdSchema,
    name: RouterDisplayNameSchema.optional(),
    host: RouterHostSchema.optional(),
    port: RouterPortSchema.nullable().optional(),
    tls: RouterTlsSchema.optional(),
    apiUser: ApiUserSchema.optional(),
    password: ApiPasswordSchema.optional(),
    pollIntervalSec: PollIntervalSchema.optional(),
    notes: RouterNotesSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'Nothing to change' });
export type UpdateRouter = z.infer<typeof UpdateRouterInput>;

export const RouterIdInput = z.strictObject({ id: IdSchema });

/**
 * Test a saved router (`id`), a saved router with some settings changed (`id` plus fields), or
 * settings not saved yet (all connection fields, no `id`).
 */
export const TestConnectionInput = z.union([
  z.strictObject({
    id: IdSchema,
    host: RouterHostSchema.optional(),
    port: RouterPortSchema.nullable().optional(),
    tls: RouterTlsSchema.optional(),
    apiUser: ApiUserSchema.optional(),
    password: ApiPasswordSchema.optional(),
  }),
  z.strictObject({
    host: RouterHostSchema,
    port: RouterPortSchema.nullable().optional(),
    tls: RouterTlsSchema.optional(),
    apiUser: ApiUserSchema,
    password: ApiPasswordSchema,
  }),
]);
export type TestConnection = z.infer<typeof TestConnectionInput>;

export const ROUTER_ERROR_KINDS = [
  'unreachable',
  'auth_failed',
  'timeout',
  'trap',
  'protocol',
  'closed',
  'invalid_request',
] as const;

export const TestConnectionResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    identity: z.string(),
    version: z.string(),
    board: z.string(),
    uptimeSec: z.number().int().nullable(),
    latencyMs: z.number().int(),
  }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(ROUTER_ERROR_KINDS),
    /** What went wrong and what to check, in plain words. */
    message: z.string(),
    latencyMs: z.number().int(),
  }),
]);
export type TestConnectionResult = z.infer<typeof TestConnectionResultSchema>;

export const HealthSampleSchema = z.object({
  ts: EpochMsSchema,
  ok: z.boolean(),
  latencyMs: z.number().int().nullable(),
  cpuLoad: z.number().int().nullable(),
  memoryUsedPct: z.number().int().nullable(),
  activeSessions: z.number().int().nullable(),
  uptimeSec: z.number().int().nullable(),
});
export type HealthSample = z.infer<typeof HealthSampleSchema>;

export const RouterHealthInput = z.strictObject({
  id: IdSchema,
  /** Samples since this time (default: the whole kept history, 24 h). */
  since: EpochMsSchema.optional(),
});

export const RouterHealthSchema = z.object({
  router: RouterSchema,
  /** Oldest first, at most one per sampling bucket. */
  samples: z.array(HealthSampleSchema),
});
export type RouterHealthView = z.infer<typeof RouterHealthSchema>;

/** The longest range one health-history request may cover (the kept history is shorter). */
export const HEALTH_HISTORY_MAX_DAYS = 366;

export const RouterHealthHistoryInput = z
  .strictObject({
    id: IdSchema,
    from: EpochMsSchema,
    to: EpochMsSchema,
    /** At most this many buckets; samples are averaged into them. */
    points: z.number().int().min(10).max(1_000).default(240),
  })
  .refine((v) => v.to > v.from, { path: ['to'], error: 'The range must end after it starts' })
  .refine((v) => v.to - v.from <= HEALTH_HISTORY_MAX_DAYS * 86_400_000, {
    path: ['from'],
    error: `At most ${String(HEALTH_HISTORY_MAX_DAYS)} days at a time`,
  });

/** The samples of one stretch of time: averages and peaks (null: no answer in the bucket). */
export const HealthBucketSchema = z.object({
  from: EpochMsSchema,
  samples: z.number().int(),
  /** Failed polls among them. */
  failed: z.number().int(),
  cpuAvg: z.number().int().nullable(),
  cpuMax: z.number().int().nullable(),
  memoryAvg: z.number().int().nullable(),
  memoryMax: z.number().int().nullable(),
  latencyAvg: z.number().int().nullable(),
  latencyMax: z.number().int().nullable(),
  sessionsAvg: z.number().int().nullable(),
  sessionsMax: z.number().int().nullable(),
});
export type HealthBucket = z.infer<typeof HealthBucketSchema>;

export const HealthOutageSchema = z.object({
  from: EpochMsSchema,
  /** The first good poll afterwards; null while the router is still not answering. */
  to: EpochMsSchema.nullable(),
});
export type HealthOutage = z.infer<typeof HealthOutageSchema>;

export const RouterHealthHistorySchema = z.object({
  routerId: IdSchema,
  from: EpochMsSchema,
  to: EpochMsSchema,
  bucketMs: z.number().int().positive(),
  /** Oldest first; buckets without samples are left out. */
  buckets: z.array(HealthBucketSchema),
  /** Stretches in the range when polls failed, oldest first. */
  outages: z.array(HealthOutageSchema),
  /** The oldest sample kept for this router (null: none yet) and how long samples are kept. */
  keptSince: EpochMsSchema.nullable(),
  keptDays: z.number().int(),
});
export type RouterHealthHistory = z.infer<typeof RouterHealthHistorySchema>;

/** Network-wide settings of the router jobs. */
export const NetworkSettingsSchema = z.object({
  /** Periodic auto-sync: how often, and whether it fixes drift or only reports it. */
  autoSyncIntervalMin: z.number().int(),
  autoSyncFix: z.boolean(),
  /** How often expiry processing runs. */
  expiryIntervalMin: z.number().int(),
  /** Health thresholds (percent) above which a router is degraded. */
  cpuThresholdPct: z.number().int(),
  memoryThresholdPct: z.number().int(),
});
export type NetworkSettings = z.infer<typeof NetworkSettingsSchema>;

const minutes = (n: number) => ` ${counted(n, 'minute')}`;
const percent = (n: number) => ` ${String(n)}%`;
const wholeBetween = (label: string, min: number, max: number, unit: (n: number) => string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least${unit(min)}`)
    .max(max, `${label} must be at most${unit(max)}`);

export const UpdateNetworkSettingsInput = z
  .strictObject({
    autoSyncIntervalMin: wholeBetween('Auto-sync interval', 5, 7 * 24 * 60, minutes).optional(),
    autoSyncFix: z.boolean().optional(),
    expiryIntervalMin: wholeBetween('Expiry interval', 1, 24 * 60, minutes).optional(),
    cpuThresholdPct: wholeBetween('CPU threshold', 10, 100, percent).optional(),
    memoryThresholdPct: wholeBetween('Memory threshold', 10, 100, percent).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'Nothing to change' });
export type UpdateNetworkSettings = z.infer<typeof UpdateNetworkSettingsInput>;
