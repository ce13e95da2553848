import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { ActivityFilterSchema } from './activity';

/** The rules over the activity log (core/alerts/alert-rules.ts holds what each one watches). */
export const ALERT_RULES = [
  'brute_force',
  'password_spraying',
  'new_source',
  'outside_hours',
  'money_anomaly',
  'mass_change',
  'router_trouble',
  'log_integrity',
] as const;
export const AlertRuleSchema = z.enum(ALERT_RULES);
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const ALERT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const AlertSchema = z.object({
  id: IdSchema,
  rule: AlertRuleSchema,
  severity: z.enum(ALERT_SEVERITIES),
  title: z.string(),
  status: z.enum(ALERT_STATUSES),
  firstAt: EpochMsSchema,
  lastAt: EpochMsSchema,
  count: z.number().int(),
  /** The entries that raised it (the first 100). */
  entryIds: z.array(IdSchema),
  /** The Activity Log filter that shows those entries. */
  pivot: ActivityFilterSchema,
  note: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: EpochMsSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: EpochMsSchema.nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

export const AlertListInput = z
  .strictObject({
    /** Unset: open and acknowledged alerts. */
    statuses: z.array(z.enum(ALERT_STATUSES)).min(1).max(3).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .optional();
export const AlertListSchema = z.object({
  alerts: z.array(AlertSchema),
  /** Open alerts (not acknowledged): the header's badge. */
  open: z.number().int(),
});

const NOTE = plainText(
  z.string().trim().min(1, 'A note is required').max(1_000, 'A note is at most 1,000 characters'),
  'The note',
  { multiline: true },
);
export const AcknowledgeAlertInput = z.strictObject({ id: IdSchema, note: NOTE });
export const ResolveAlertInput = z.strictObject({
  id: IdSchema,
  note: plainText(z.string().trim().max(1_000, 'A note is at most 1,000 characters'), 'The note', {
    multiline: true,
  }).optional(),
});

const HOURS = /^$|^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/;
const hours = z
  .string()
  .trim()
  .regex(HOURS, 'Office hours: HH:MM-HH:MM (24-hour), or empty when closed')
  .refine((h) => {
    if (h === '') return true;
    const [from = '', to = ''] = h.split('-');
    return from < to;
  }, 'Office hours must end after they start');
const count = (min: number, max: number, label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${String(min)}`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')}`);

/** Every rule's thresholds: settings an administrator changes on the Alerts screen. */
export const AlertRuleSettingsSchema = z.object({
  bruteForceAccountFailures: z.number().int(),
  bruteForceAddressFailures: z.number().int(),
  bruteForceWindowMinutes: z.number().int(),
  sprayAccounts: z.number().int(),
  sprayWindowMinutes: z.number().int(),
  newSourceLearningDays: z.number().int(),
  /** An address not used by that staff member for this long counts as new again. */
  newSourceForgetDays: z.number().int(),
  hoursMon: z.string(),
  hoursTue: z.string(),
  hoursWed: z.string(),
  hoursThu: z.string(),
  hoursFri: z.string(),
  hoursSat: z.string(),
  hoursSun: z.string(),
  /** Minutes before opening and after closing that still count as office hours. */
  hoursGraceMinutes: z.number().int(),
  moneyCountPerDay: z.number().int(),
  /** Minor units of the office currency. */
  moneyAmountPerDay: z.number().int(),
  massArchives: z.number().int(),
  massEdits: z.number().int(),
  massWindowMinutes: z.number().int(),
  massExportRows: z.number().int(),
  routerOfflineMinutes: z.number().int(),
});
export type AlertRuleSettings = z.infer<typeof AlertRuleSettingsSchema>;

/**
 * The rules' thresholds out of the box (watch-and-forward.md: brute force 5–10 in 10–15 min,
 * spraying across ≥ K accounts, a new address after a learning period, 30–90 days' memory).
 */
export const DEFAULT_ALERT_RULES: AlertRuleSettings = {
  bruteForceAccountFailures: 5,
  bruteForceAddressFailures: 10,
  bruteForceWindowMinutes: 15,
  sprayAccounts: 5,
  sprayWindowMinutes: 15,
  newSourceLearningDays: 14,
  newSourceForgetDays: 90,
  hoursMon: '08:00-18:00',
  hoursTue: '08:00-18:00',
  hoursWed: '08:00-18:00',
  hoursThu: '08:00-18:00',
  hoursFri: '08:00-18:00',
  hoursSat: '09:00-13:00',
  hoursSun: '',
  hoursGraceMinutes: 30,
  moneyCountPerDay: 5,
  moneyAmountPerDay: 50_000,
  massArchives: 20,
  massEdits: 50,
  massWindowMinutes: 10,
  massExportRows: 1_000,
  routerOfflineMinutes: 15,
};

export const UpdateAlertRulesInput = z.strictObject({
  bruteForceAccountFailures: count(2, 1_000, 'Failures per account').optional(),
  bruteForceAddressFailures: count(2, 10_000, 'Failures per address').optional(),
  bruteForceWindowMinutes: count(1, 24 * 60, 'The window').optional(),
  sprayAccounts: count(2, 1_000, 'Accounts').optional(),
  sprayWindowMinutes: count(1, 24 * 60, 'The window').optional(),
  newSourceLearningDays: count(0, 365, 'The learning period').optional(),
  newSourceForgetDays: count(1, 3_650, 'Forget after').optional(),
  hoursMon: hours.optional(),
  hoursTue: hours.optional(),
  hoursWed: hours.optional(),
  hoursThu: hours.optional(),
  hoursFri: hours.optional(),
  hoursSat: hours.optional(),
  hoursSun: hours.optional(),
  hoursGraceMinutes: count(0, 240, 'The grace').optional(),
  moneyCountPerDay: count(1, 10_000, 'The count').optional(),
  moneyAmountPerDay: count(1, 1e12, 'The amount').optional(),
  massArchives: count(2, 1_000_000, 'Archived clients').optional(),
  massEdits: count(2, 1_000_000, 'Edited clients').optional(),
  massWindowMinutes: count(1, 24 * 60, 'The window').optional(),
  massExportRows: count(1, 100_000_000, 'Exported rows').optional(),
  routerOfflineMinutes: count(1, 7 * 24 * 60, 'Offline minutes').optional(),
});
export type UpdateAlertRules = z.infer<typeof UpdateAlertRulesInput>;

/** Email to the owner when an alert is raised (SMTP); the password never leaves the core. */
export const AlertMailSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  /** Implicit TLS (usually 465); otherwise STARTTLS when the server offers it. */
  tls: z.boolean(),
  user: z.string(),
  /** Whether a password is stored (it is sealed at rest and never sent to the renderer). */
  passwordSet: z.boolean(),
  from: z.string(),
  to: z.string(),
});
export type AlertMailSettings = z.infer<typeof AlertMailSettingsSchema>;

const EMAIL = z
  .string()
  .trim()
  .max(254)
  .regex(/^$|^[^\s@]+@[^\s@]+$/, 'Must be an email address');
export const UpdateAlertMailInput = z.strictObject({
  enabled: z.boolean().optional(),
  host: z
    .string()
    .trim()
    .max(253, 'Host is at most 253 characters')
    .regex(/^$|^[A-Za-z0-9.:[\]-]+$/, 'Host must be a host name or an IP address')
    .optional(),
  port: count(1, 65_535, 'Port').optional(),
  tls: z.boolean().optional(),
  user: z.string().trim().max(254).optional(),
  /** Empty clears the stored password. */
  password: z.string().max(500).optional(),
  from: EMAIL.optional(),
  to: EMAIL.optional(),
});
export type UpdateAlertMail = z.infer<typeof UpdateAlertMailInput>;

export const AlertRulesSchema = z.object({
  rules: AlertRuleSettingsSchema,
  mail: AlertMailSettingsSchema,
});
export const UpdateAlertRulesAndMailInput = z.strictObject({
  rules: UpdateAlertRulesInput.optional(),
  mail: UpdateAlertMailInput.optional(),
});

/** The push event to signed-in administrators. */
export const AlertRaisedSchema = z.object({
  id: IdSchema,
  rule: AlertRuleSchema,
  severity: z.enum(ALERT_SEVERITIES),
  title: z.string(),
});

/** The send log of alert email: one row per mail and its attempts, newest first. */
export const ALERT_EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export const AlertEmailSchema = z.object({
  id: IdSchema,
  alertId: IdSchema,
  recipient: z.string(),
  subject: z.string(),
  /** `pending`: waiting for its next attempt; `failed`: given up after the last retry. */
  status: z.enum(ALERT_EMAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: EpochMsSchema,
  nextAttemptAt: EpochMsSchema.nullable(),
  sentAt: EpochMsSchema.nullable(),
});
export type AlertEmail = z.infer<typeof AlertEmailSchema>;
export const AlertEmailListSchema = z.array(AlertEmailSchema);
