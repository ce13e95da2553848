import { z } from 'zod';

/** The long tasks a staff member can start, follow (`task.progress`) and cancel (`tasks.cancel`). */
export const TASK_KINDS = [
  'verify',
  'export',
  'archive',
  'backup',
  // An evidence bundle for an auditor (core/evidence).
  'bundle',
  // The clients' CSV import (its check, then its writes) and export.
  'clients.check',
  'clients.import',
  'clients.export',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/**
 * A task's id. The screen that starts a task chooses it (random, at least 8 characters), so that
 * it can follow that task's progress and cancel it from the first moment; the core makes one up
 * where the caller gave none. An id already in use is refused (conflict).
 */
export const TaskIdSchema = z
  .string()
  .min(8, 'Task id is too short')
  .max(64, 'Task id is too long')
  .regex(/^[A-Za-z0-9_-]+$/, 'Task id may hold only letters, digits, "-" and "_"');

/** The optional `taskId` of every call that starts a long task. */
export const TaskIdField = { taskId: TaskIdSchema.optional() };

export const TaskSchema = z.object({
  taskId: TaskIdSchema,
  task: z.enum(TASK_KINDS),
  /** Who started it (username). */
  startedBy: z.string(),
  startedAt: z.number().int(),
  done: z.number().int(),
  total: z.number().int(),
  /** False once the task is past the point where stopping it could leave half-done work. */
  cancellable: z.boolean(),
});
export type Task = z.infer<typeof TaskSchema>;

export const CancelTaskInput = z.strictObject({ taskId: TaskIdSchema });
