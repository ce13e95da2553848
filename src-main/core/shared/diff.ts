import { changeText, fieldLabel, type ValueWords } from '../../domain/labels';

type Flat = Record<string, string | number | boolean | null>;

export type Diff = {
  changed: string[];
  before: Flat;
  after: Flat;
  /** "Name A → B, Price KES 1.00 → KES 2.00" for the log description. */
  summary: string;
};

/** The fields whose values differ, with their old and new values. */
export const diffFlat = <T extends Flat>(
  before: T,
  after: T,
  opts: { secret?: string[]; words?: ValueWords } = {},
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
          ? `${fieldLabel(k)} changed`
          : changeText([k], { [k]: before[k] ?? null }, { [k]: after[k] ?? null }, opts.words),
      )
      .join(', '),
  };
};
