import { z } from 'zod';
import { EpochMsSchema } from './common';

/** Forwarding every activity-log entry to the office's log server (RFC 5424 syslog). */
export const ForwardingSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  /** RFC 5425 (TLS, usually port 6514) instead of plain TCP (RFC 6587 octet counting). */
  tls: z.boolean(),
  /** PEM of a private CA that signed the receiver's certificate; empty: the system's CAs. */
  tlsCa: z.string(),
  /** RFC 5424 facility number: 13 log audit, 10 authpriv, 16–23 local0–local7. */
  facility: z.number().int(),
  appName: z.string(),
  /** An alert-worthy entry is logged when forwarding falls this many entries behind... */
  behindEntries: z.number().int(),
  /** ...or its oldest unsent entry is this many minutes old. */
  behindMinutes: z.number().int(),
});
export type ForwardingSettings = z.infer<typeof ForwardingSettingsSchema>;

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

export const UpdateForwardingInput = z
  .strictObject({
    enabled: z.boolean().optional(),
    host: z
      .string()
      .trim()
      .max(253, 'Host is at most 253 characters')
      .refine((h) => h === '' || HOST.test(h), 'Host must be a host name or an IP address')
      .optional(),
    port: z
      .number({ error: 'Port must be a number' })
      .int('Port must be a whole number')
      .min(1, 'Port must be 1–65535')
      .max(65_535, 'Port must be 1–65535')
      .optional(),
    tls: z.boolean().optional(),
    tlsCa: z
      .string()
      .max(20_000, 'The CA certificate is at most 20,000 characters')
      .refine(
        (pem) => pem === '' || pem.includes('-----BEGIN CERTIFICATE-----'),
        'The CA certificate must be PEM text (-----BEGIN CERTIFICATE-----)',
      )
      .optional(),
    facility: z
      .number({ error: 'Facility must be a number' })
      .int('Facility must be a whole number')
      .min(0, 'Facility must be 0–23')
      .max(23, 'Facility must be 0–23')
      .optional(),
    appName: z
      .string()
      .regex(/^[\x21-\x7e]{1,48}$/, 'App name: 1–48 printable characters without spaces')
      .optional(),
    behindEntries: z
      .number({ error: 'Must be a number' })
      .int('Must be a whole number')
      .min(1, 'Must be at least 1')
      .max(10_000_000, 'Must be at most 10,000,000')
      .optional(),
    behindMinutes: z
      .number({ error: 'Must be a number' })
      .int('Must be a whole number')
      .min(1, 'Must be at least 1 minute')
      .max(7 * 24 * 60, 'Must be at most a week')
      .optional(),
  })
  .refine((u) => !(u.enabled === true && u.host === ''), {
    error: 'Forwarding needs a host',
    path: ['host'],
  });
export type UpdateForwarding = z.infer<typeof UpdateForwardingInput>;

/** Where forwarding stands, for the Jobs screen. */
export const ForwardingStatusSchema = z.object({
  settings: ForwardingSettingsSchema,
  connected: z.boolean(),
  /** The last entry handed to the receiver. */
  sentUpTo: z.number().int(),
  /** Entries not yet sent, and how old the oldest of them is. */
  behindEntries: z.number().int(),
  behindMs: z.number().int(),
  lastSentAt: EpochMsSchema.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: EpochMsSchema.nullable(),
});
export type ForwardingStatus = z.infer<typeof ForwardingStatusSchema>;
