import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { DisplayNameSchema, NewPasswordSchema, RoleSchema, UsernameSchema } from './auth';

export const StaffSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  lockedUntil: EpochMsSchema.nullable(),
  failedLogins: z.number().int(),
  mustChangePassword: z.boolean(),
  createdAt: EpochMsSchema,
  lastLoginAt: EpochMsSchema.nullable(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const CreateStaffInput = z.strictObject({
  username: UsernameSchema,
  displayName: DisplayNameSchema,
  role: RoleSchema,
  password: NewPasswordSchema,
});

export const UpdateStaffInput = z
  .strictObject({
    id: IdSchema,
    displayName: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.displayName !== undefined || v.role !== undefined || v.disabled !== undefined, {
    error: 'Nothing to change',
  });

export const ResetPasswordInput = z.strictObject({ id: IdSchema, newPassword: NewPasswordSchema });
export const StaffIdInput = z.strictObject({ id: IdSchema });
