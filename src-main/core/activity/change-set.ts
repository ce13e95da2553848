import { changeText, type ValueWords } from '../../domain/labels';

/**
 * What changed between two versions of a record, for an activity entry: a one-line summary
 * ("Role Cashier → Technician, Disabled No → Yes") and the before/after details of the
 * changed fields only.
 */
export const changeSet = <T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
  words: ValueWords = {},
): {
  summary: string;
  details: { before: Record<string, unknown>; after: Record<string, unknown> };
} => ({
  summary: changeText(
    keys.map(String),
    before as Record<string, unknown>,
    after as Record<string, unknown>,
    words,
  ),
  details: {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  },
});
