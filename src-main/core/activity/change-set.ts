/**
 * What changed between two versions of a record, for an activity entry: a one-line summary
 * ("role cashier → technician, disabled false → true") and the before/after details of the
 * changed fields only.
 */
export const changeSet = <T extends object>(
  before: T,
  after: T,
  keys: readonly (keyof T)[],
): {
  summary: string;
  details: { before: Record<string, unknown>; after: Record<string, unknown> };
} => ({
  summary: keys.map((k) => `${String(k)} ${String(before[k])} → ${String(after[k])}`).join(', '),
  details: {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  },
});
