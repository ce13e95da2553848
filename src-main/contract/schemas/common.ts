import { z } from 'zod';

export const IdSchema = z.number().int().positive();
/** Epoch milliseconds. Values cross the boundary as numbers, never as Date objects. */
export const EpochMsSchema = z.number().int().min(0).max(8.64e15);

export const Empty = z.strictObject({}).optional();

/**
 * Unicode bidirectional controls (embeddings, overrides, isolates and marks): they make text
 * display in another order than it is stored (Trojan Source), e.g. in a log description.
 */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** C0 and C1 control characters (and DEL), the bidirectional controls, and lone surrogates. */
const UNSAFE_CHARACTERS = new RegExp(`[\\p{Cc}\\p{Cs}${BIDI_CONTROLS}]`, 'u');

/** True when text holds a control character or a bidi control; tabs and line breaks pass if `multiline`. */
export const hasUnsafeCharacters = (text: string, multiline = false): boolean =>
  UNSAFE_CHARACTERS.test(multiline ? text.replace(/[\t\n\r]/g, '') : text);

/**
 * The one rule for every free-text field a person types (names, notes, reasons, references):
 * no control characters and no text-direction overrides, with a message naming the field.
 */
export const plainText = <T extends z.ZodType<string, string>>(
  schema: T,
  label: string,
  opts: { multiline?: boolean } = {},
): T =>
  schema.refine((v) => !hasUnsafeCharacters(v, opts.multiline), {
    error: `${label} may not contain control characters or text-direction marks`,
  });
