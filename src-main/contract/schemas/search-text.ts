import { z } from 'zod';

/** C0 and C1 control characters and DEL (NUL, tabs, escapes, …): Unicode's `Cc`. */
const CONTROLS = /\p{Cc}/gu;

/**
 * Search text as the indexes see it: control characters become spaces (a NUL or an escape
 * sequence pasted into a search box separates words; it never matches and never reaches SQLite).
 */
export const withoutControls = (text: string): string => text.replace(CONTROLS, ' ');

/** A search box's text: at most `max` characters, control characters read as spaces. */
export const searchTextSchema = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must be at most ${String(max)} characters`)
    .transform(withoutControls);
