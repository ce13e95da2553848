type Flat = Record<string, string | number | boolean | null>;

export type Diff = {
  changed: string[];
  before: Flat;
  after: Flat;
  /** "name A → B, price 1 → 2" for the log description. */
  summary: string;
};

const show = (v: Flat[string]) => (v === null ? '(none)' : String(v));

/** The fields whose values differ, with their old and new values. */
export const diffFlat = <T extends Flat>(
  before: T,
  after: T,
  opts: { secret?: string[] } = {},
): Diff => {
  const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
  const pick = (o: Flat) => Object.fromEntries(changed.map((k) => [k, o[k] ?? null]));
  return {
    changed,
    before: pick(before),
    after: pick(after),
    summary: changed
      .map((k) =>
        opts.secret?.includes(k)
          ? `${k} changed`
          : `${k} ${show(before[k] ?? null)} → ${show(after[k] ?? null)}`,
      )
      .join(', '),
  };
};
