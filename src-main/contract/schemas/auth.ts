import { z } from 'zod';
import { ROLES, PERMISSIONS } from '../roles';
import { EpochMsSchema, IdSchema, plainText } from './common';

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Username must be at least 3 characters')
  .max(32, 'Username must be at most 32 characters')
  .regex(/^[a-z0-9._-]+$/, 'Username may contain only letters, digits, dot, dash and underscore');

export const PASSWORD_MIN = 10;
export const NewPasswordSchema = plainText(
  z
    .string()
    .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
    .max(256, 'Password must be at most 256 characters'),
  'Password',
);

export const DisplayNameSchema = plainText(
  z.string().trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters'),
  'Name',
);

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(PERMISSIONS);

export const SessionUserSchema = z.object({
  staffId: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const AuthStatusSchema = z.object({
  setupRequired: z.boolean(),
  user: SessionUserSchema.nullable(),
});

export const SetupInput = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
});

export const LoginInput = z.strictObject({
  // Not the full username rules: a malformed name must fail like any unknown one.
  username: z.string().max(256),
  password: z.string().max(1024),
});

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: NewPasswordSchema,
});

export const SessionSchema = z.object({
  id: z.string(),
  staffId: IdSchema,
  username: z.string(),
  displayName: z.string(),
  createdAt: EpochMsSchema,
  lastSeenAt: EpochMsSchema,
  idleExpiresAt: EpochMsSchema,
  absoluteExpiresAt: EpochMsSchema,
  ip: z.string(),
  workstation: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionSchema>;

export const EndSessionInput = z.strictObject({ sessionId: z.string().min(1).max(64) });
