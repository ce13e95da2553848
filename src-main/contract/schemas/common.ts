import { z } from 'zod';

export const IdSchema = z.number().int().positive();
/** Epoch milliseconds. Values cross the boundary as numbers, never as Date objects. */
export const EpochMsSchema = z.number().int().min(0).max(8.64e15);

export const Empty = z.strictObject({}).optional();
