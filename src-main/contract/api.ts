import { z } from 'zod';
import type { Permission } from './roles';
import { PROCEDURES, DOWNLOADS, EVENTS } from './channels';
import type { ProcedureName, DownloadName, EventName } from './channels';
import { Empty } from './schemas/common';
import {
  AuthStatusSchema,
  ChangePasswordInput,
  EndSessionInput,
  LoginInput,
  SessionSchema,
  SessionUserSchema,
  SetupInput,
} from './schemas/auth';
import {
  CreateStaffInput,
  ResetPasswordInput,
  StaffIdInput,
  StaffSchema,
  UpdateStaffInput,
} from './schemas/staff';
import {
  ActivityEntrySchema,
  ActivityExportInput,
  ActivitySearchInput,
  ActivitySearchOutputSchema,
  VerifyResultSchema,
} from './schemas/activity';
import { IdSchema } from './schemas/common';

/**
 * Who may call a procedure: `public` needs no session (only the first-run and login flow),
 * `session` needs any signed-in staff member, otherwise the named permission.
 * The dispatcher enforces this for every call, before the input is even parsed.
 */
export type Access = 'public' | 'session' | Permission;

type Procedure = { input: z.ZodType; output: z.ZodType; access: Access };

const proc = <I extends z.ZodType, O extends z.ZodType>(access: Access, input: I, output: O) => ({
  access,
  input,
  output,
});

export const api = {
  'auth.status': proc('public', Empty, AuthStatusSchema),
  'auth.setup': proc('public', SetupInput, SessionUserSchema),
  'auth.login': proc('public', LoginInput, SessionUserSchema),
  'auth.logout': proc('session', Empty, z.null()),
  'auth.changePassword': proc('session', ChangePasswordInput, z.null()),

  'sessions.listMine': proc('session', Empty, z.array(SessionSchema)),
  'sessions.listAll': proc('sessions.manage', Empty, z.array(SessionSchema)),
  // Own sessions need no permission; ending someone else's is checked in the core.
  'sessions.end': proc('session', EndSessionInput, z.null()),

  'staff.list': proc('staff.manage', Empty, z.array(StaffSchema)),
  'staff.create': proc('staff.manage', CreateStaffInput, StaffSchema),
  'staff.update': proc('staff.manage', UpdateStaffInput, StaffSchema),
  'staff.resetPassword': proc('staff.manage', ResetPasswordInput, StaffSchema),
  'staff.unlock': proc('staff.manage', StaffIdInput, StaffSchema),

  'activity.search': proc('activity.read', ActivitySearchInput, ActivitySearchOutputSchema),
  'activity.get': proc('activity.read', z.strictObject({ id: IdSchema }), ActivityEntrySchema),
  'activity.verify': proc('activity.verify', Empty, VerifyResultSchema),
} as const satisfies Record<ProcedureName, Procedure>;

export const downloads = {
  'activity.export': { access: 'activity.export', input: ActivityExportInput },
} as const satisfies Record<DownloadName, { access: Access; input: z.ZodType }>;

export const events = {
  'activity.recorded': z.object({ lastId: IdSchema, count: z.number().int() }),
  'session.ended': z.object({ reason: z.string() }),
} as const satisfies Record<EventName, z.ZodType>;

export type Api = typeof api;
export type In<K extends ProcedureName> = z.input<Api[K]['input']>;
export type Parsed<K extends ProcedureName> = z.output<Api[K]['input']>;
export type Out<K extends ProcedureName> = z.infer<Api[K]['output']>;
export type DownloadIn<K extends DownloadName> = z.input<(typeof downloads)[K]['input']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

export const isProcedure = (name: string): name is ProcedureName =>
  (PROCEDURES as readonly string[]).includes(name);
export const isDownload = (name: string): name is DownloadName =>
  (DOWNLOADS as readonly string[]).includes(name);
export const isEvent = (name: string): name is EventName =>
  (EVENTS as readonly string[]).includes(name);
