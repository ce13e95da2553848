import { z } from 'zod';
import { RoleSchema } from './auth';

/** One demo staff account, shown on the demo sign-in page. */
export const DemoAccountSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});

/** What the demo office being made is doing: a step in words (with its counts), and how far. */
export const DemoProgressSchema = z.object({
  message: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(1),
});
export type DemoProgress = z.infer<typeof DemoProgressSchema>;

/** Whether this is the demo office (with its sign-in hints), and whether one can be opened. */
export const DemoStatusSchema = z.object({
  /** Set while the app shows the demo office: every demo account shares `password`. */
  active: z
    .object({
      accounts: z.array(DemoAccountSchema),
      password: z.string(),
    })
    .nullable(),
  /** The first-run screen may offer "Explore a demo office" (only while no account exists). */
  available: z.boolean(),
  /** The demo office's header offers "Leave demo" (back to the office, or its first-run screen). */
  leave: z.boolean().optional(),
  /** Set while the demo office is being made (the first-run screen shows it). */
  building: DemoProgressSchema.nullable().optional(),
});
export type DemoStatus = z.infer<typeof DemoStatusSchema>;

export const OpenDemoResultSchema = z.object({ opened: z.literal(true) });
export const LeaveDemoResultSchema = z.object({ left: z.literal(true) });

/**
 * Free space on the data folder's disk, as last checked (every few minutes). `low`: below the
 * threshold, when every signed-in screen shows a warning.
 */
export const StorageStatusSchema = z.object({
  low: z.boolean(),
  freeBytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
  thresholdBytes: z.number().int().min(0),
  checkedAt: z.number().int(),
});
export type StorageStatus = z.infer<typeof StorageStatusSchema>;
