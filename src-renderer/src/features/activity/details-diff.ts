export type DiffRow = { key: string; before: unknown; after: unknown };

export type DetailsView =
  | { kind: 'none' }
  | { kind: 'json'; text: string }
  /** `rest` holds whatever else `details` had next to `before`/`after`. */
  | { kind: 'diff'; rows: DiffRow[]; rest: Record<string, unknown> | null };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);

/**
 * How to show an entry's `details`: a before→after table of the keys that changed when it holds
 * `before` and `after` objects, pretty JSON otherwise.
 */
export function describeDetails(details: unknown): DetailsView {
  if (details === null || details === undefined) return { kind: 'none' };
  if (isPlainObject(details) && isPlainObject(details.before) && isPlainObject(details.after)) {
    const { before, after, ...others } = details;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const rows = keys
      .filter((key) => !same(before[key], after[key]))
      .map((key) => ({ key, before: before[key], after: after[key] }));
    return { kind: 'diff', rows, rest: Object.keys(others).length ? others : null };
  }
  return { kind: 'json', text: prettyJson(details) };
}
