import { z } from 'zod';
import { EpochMsSchema, IdSchema, plainText } from './common';
import { ServiceTypeSchema } from './plans';
import { searchTextSchema } from './search-text';
import { TaskIdField } from './tasks';

/**
 * `awaiting_payment`: signed up, never paid; the first payment (a renewal) makes them active. Such a
 * client is disabled on the router and counted apart from expired clients.
 */
export const CLIENT_STATUSES = [
  'active',
  'awaiting_payment',
  'expired',
  'suspended',
  'disabled',
  'archived',
] as const;
export const ClientStatusSchema = z.enum(CLIENT_STATUSES);
export type ClientStatus = z.infer<typeof ClientStatusSchema>;
/** Statuses staff may set by hand; expiry and archiving have their own paths. */
export const SETTABLE_STATUSES = ['active', 'suspended', 'disabled'] as const;

export const CLIENT_SORTS = ['name', 'account', 'expiresAt', 'balance', 'createdAt'] as const;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${String(max)} characters`);

export const FullNameSchema = plainText(
  text('Full name', 120).min(1, 'Full name is required'),
  'Full name',
);
export const PhoneSchema = text('Phone', 32)
  .min(3, 'Phone is required')
  .regex(/^\+?[0-9 ()./-]+$/, 'Phone may contain digits, spaces and + ( ) . / - only');
export const EmailSchema = z
  .email('Email address is not valid')
  .max(254, 'Email must be at most 254 characters');
export const AddressSchema = plainText(text('Address', 300), 'Address', { multiline: true });
export const NotesSchema = plainText(text('Notes', 2000), 'Notes', { multiline: true });
export const ServiceLoginSchema = text('Service login', 64)
  .min(1, 'Service login is required')
  .regex(/^[A-Za-z0-9._@-]+$/, 'Service login may contain letters, digits and . _ @ - only');
export const ServicePasswordSchema = z
  .string({ error: 'Service password must be text' })
  .min(1, 'Service password is required')
  .max(64, 'Service password must be at most 64 characters')
  .regex(/^[\x21-\x7E]+$/, 'Service password may contain printable ASCII without spaces only');
export const Ipv4Schema = z.ipv4('Static IP must be an IPv4 address');
export const MacSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/, 'MAC must look like AA:BB:CC:DD:EE:FF');
export const GpsSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const ClientSchema = z.object({
  id: IdSchema,
  accountNo: z.string(),
  fullName: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  gps: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  serviceType: ServiceTypeSchema,
  serviceLogin: z.string(),
  staticIp: z.string().nullable(),
  mac: z.string().nullable(),
  planId: IdSchema,
  planName: z.string(),
  routerId: IdSchema.nullable(),
  /** The router's name, for staff who may not read routers (null: none, or it was removed). */
  routerName: z.string().nullable(),
  status: ClientStatusSchema,
  expiresAt: EpochMsSchema,
  /**
   * When expiry processing expires a client past `expiresAt`: the plan's grace days later (null
   * without grace). An active client between the two is "in grace".
   */
  graceEndsAt: EpochMsSchema.nullable(),
  /** Derived from the ledger: positive is credit, negative is owed (minor units). */
  balance: z.number().int(),
  notes: z.string(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  archivedAt: EpochMsSchema.nullable(),
});
export type Client = z.infer<typeof ClientSchema>;

export const ClientListItemSchema = ClientSchema.pick({
  id: true,
  accountNo: true,
  fullName: true,
  phone: true,
  serviceType: true,
  serviceLogin: true,
  staticIp: true,
  planId: true,
  planName: true,
  routerId: true,
  status: true,
  expiresAt: true,
  balance: true,
  createdAt: true,
});
export type ClientListItem = z.infer<typeof ClientListItemSchema>;

export const ClientFilterSchema = z.strictObject({
  /** Name, account number, phone, service login, static IP or email; any part of them. */
  search: searchTextSchema('Search', 100).optional(),
  /** Without a status filter, archived clients are left out. */
  statuses: z.array(ClientStatusSchema).min(1).max(CLIENT_STATUSES.length).optional(),
  planId: IdSchema.optional(),
  routerId: IdSchema.optional(),
  /** Active clients whose service ends within this many days from now. */
  expiresWithinDays: z.number().int().min(0).max(366).optional(),
});
export type ClientFilter = z.infer<typeof ClientFilterSchema>;

export const ClientSortSchema = z.strictObject({
  by: z.enum(CLIENT_SORTS),
  dir: z.enum(['asc', 'desc']),
});
export type ClientSort = z.infer<typeof ClientSortSchema>;

export const ClientListInput = z.strictObject({
  filter: ClientFilterSchema.optional(),
  sort: ClientSortSchema.optional(),
  /** Opaque keyset cursor from the previous page. */
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type ClientListQuery = z.infer<typeof ClientListInput>;

export const ClientListOutputSchema = z.object({
  items: z.array(ClientListItemSchema),
  nextCursor: z.string().nullable(),
  /** Counted up to a cap, so that counting stays fast at any size. */
  total: z.object({ count: z.number().int(), capped: z.boolean() }),
});
export type ClientListOutput = z.infer<typeof ClientListOutputSchema>;

export const CreateClientInput = z.strictObject({
  fullName: FullNameSchema,
  phone: PhoneSchema,
  email: EmailSchema.nullable().optional(),
  address: AddressSchema.nullable().optional(),
  gps: GpsSchema.nullable().optional(),
  serviceType: ServiceTypeSchema,
  serviceLogin: ServiceLoginSchema,
  servicePassword: ServicePasswordSchema,
  staticIp: Ipv4Schema.nullable().optional(),
  mac: MacSchema.nullable().optional(),
  planId: IdSchema,
  routerId: IdSchema.nullable().optional(),
  notes: NotesSchema.optional(),
});
export type CreateClient = z.infer<typeof CreateClientInput>;

/** Expiry and balance are not here: only renewals and the ledger change them. */
export const UpdateClientInput = z
  .strictObject({
    id: IdSchema,
    fullName: FullNameSchema.optional(),
    phone: PhoneSchema.optional(),
    email: EmailSchema.nullable().optional(),
    address: AddressSchema.nullable().optional(),
    gps: GpsSchema.nullable().optional(),
    serviceType: ServiceTypeSchema.optional(),
    serviceLogin: ServiceLoginSchema.optional(),
    servicePassword: ServicePasswordSchema.optional(),
    staticIp: Ipv4Schema.nullable().optional(),
    mac: MacSchema.nullable().optional(),
    planId: IdSchema.optional(),
    routerId: IdSchema.nullable().optional(),
    notes: NotesSchema.optional(),
    status: z.enum(SETTABLE_STATUSES).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'Nothing to change' });
export type UpdateClient = z.infer<typeof UpdateClientInput>;

export const ClientIdInput = z.strictObject({ id: IdSchema });

/** A router as client screens name it: to every role that reads clients, without `routers.read`. */
export const RouterNameSchema = z.object({ id: IdSchema, name: z.string() });
export type RouterName = z.infer<typeof RouterNameSchema>;
export const ArchiveClientInput = z.strictObject({
  id: IdSchema,
  reason: plainText(text('Reason', 500), 'Reason', { multiline: true }).optional(),
});

/**
 * At most this many rows, and this much CSV text, per import call (100,000 rows of 250
 * characters). The HTTP transport takes a body this large only for the import's two calls
 * (IMPORT_BODY_BYTES); every other call keeps its 1 MiB limit.
 */
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_CHARS = 25_000_000;
/** The import's JSON body: three bytes per character (UTF-8, escaped quotes and line ends). */
export const IMPORT_BODY_BYTES = 3 * MAX_IMPORT_CHARS + 1024 * 1024;

export const ImportInput = z.strictObject({
  csv: z
    .string()
    .min(1, 'The file is empty')
    .max(
      MAX_IMPORT_CHARS,
      `The file is too large (at most ${String(MAX_IMPORT_CHARS)} characters)`,
    ),
  // Names the check or import task: its `task.progress` events, `tasks.cancel` (schemas/tasks.ts).
  ...TaskIdField,
});
export type ImportRequest = z.infer<typeof ImportInput>;

export const ImportRejectionSchema = z.object({
  /** 1-based line of the row in the file (the header is line 1). */
  line: z.number().int(),
  errors: z.array(z.string()),
});

export const ImportPreviewSchema = z.object({
  rows: z.number().int(),
  accepted: z.number().int(),
  rejected: z.array(ImportRejectionSchema),
  /** Columns the file has that the importer does not know (ignored). */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = ImportPreviewSchema.extend({
  imported: z.number().int(),
  /**
   * Cancelled part-way: the rows of every slice written before the cancel are imported (each
   * whole, with its log entry), the rest are not. Importing the same file again skips the
   * imported rows (their logins are taken) and imports the rest.
   */
  cancelled: z.boolean(),
  firstAccountNo: z.string().nullable(),
  lastAccountNo: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const RevealedPasswordSchema = z.object({ servicePassword: z.string() });

export const ClientExportInput = z.strictObject({
  filter: ClientFilterSchema.optional(),
  ...TaskIdField,
  /**
   * Add each client's service password (a `password` column), so that the file imports into
   * another office as it is. Needs `clients.revealPassword`; the export's log entry says so.
   */
  withPasswords: z.boolean().optional(),
});
