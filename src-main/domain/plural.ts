/**
 * Counts in words, for both processes: "1 entry", "6 entries", "1,204 clients", "per month",
 * "per 3 months". One place for plurals, so that no screen says "entrys", "1 samples" or
 * "client(s)".
 */

const GROUPED = new Intl.NumberFormat('en-US');

/** Words whose plural is not the regular one. */
const IRREGULAR: Record<string, string> = { person: 'people', child: 'children' };

/** The plural of an English noun: entry → entries, address → addresses, day → days. */
export function pluralOf(one: string): string {
  const irregular = IRREGULAR[one];
  if (irregular) return irregular;
  if (/[^aeiou]y$/i.test(one)) return `${one.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(one)) return `${one}es`;
  return `${one}s`;
}

/** The noun for `n` of them: `noun(1, 'entry')` is "entry", `noun(2, 'entry')` is "entries". */
export const noun = (n: number, one: string, many: string = pluralOf(one)): string =>
  n === 1 ? one : many;

/** "1 entry", "6 entries", "1,204 entries" (grouped digits). */
export const counted = (n: number, one: string, many?: string): string =>
  `${GROUPED.format(n)} ${noun(n, one, many)}`;

/** "per month" for one, "per 3 months" for more: a period of `n` units. */
export const per = (n: number, one: string, many?: string): string =>
  n === 1 ? `per ${one}` : `per ${counted(n, one, many)}`;
