import { withoutControls } from '../../contract/schemas/search-text';

const HAS_WORD = /[\p{L}\p{N}]/u;
const MIN_PREFIX_CHARS = 3;

/** Whole words of the index that start with a prefix, or null when there are too many. */
export type ExpandPrefix = (prefix: string) => string[] | null;

/**
 * Turns what a person typed into a safe FTS5 expression for the words of the log: every term becomes a
 * quoted string (so `ACC-0001`, `10.0.0.1`, `M-Pesa`, `NEAR(` or a stray `"` never reach the FTS5
 * parser as syntax), user-quoted phrases stay phrases, and the last word becomes a prefix search
 * while it is being typed. A one-word prefix is expanded into the index's own words that start
 * with it (`kisu` → `"kisumu"`): FTS5 answers a prefix query by merging every matching word's
 * whole doclist first, which grows with the log, while an OR of words is read lazily, newest
 * first. Returns null when nothing searchable is left.
 */
export const toFtsText = (input: string, expand?: ExpandPrefix): string | null => {
  const text = withoutControls(input).normalize('NFKC');
  const terms: { text: string; phrase: boolean }[] = [];
  for (const m of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = m[1] !== undefined;
    const term = m[1] ?? m[2] ?? '';
    if (HAS_WORD.test(term)) terms.push({ text: term, phrase });
  }
  if (terms.length === 0) return null;
  const stillTyping = !/\s$/.test(text);
  const quoted = terms.map((t, i) => {
    const prefix =
      i === terms.length - 1 &&
      !t.phrase &&
      stillTyping &&
      lastWordLength(t.text) >= MIN_PREFIX_CHARS;
    const quoted = `"${t.text.replaceAll('"', '""')}"`;
    if (!prefix) return quoted;
    const words = /^[\p{L}\p{N}_]+$/u.test(t.text) ? expand?.(indexForm(t.text)) : null;
    if (!words) return `${quoted}*`;
    return words.length === 0 ? quoted : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
  });
  return `(${quoted.join(' AND ')})`;
};

/** A word as the unicode61 tokenizer stores it: lower case, without diacritics. */
const indexForm = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const lastWordLength = (term: string): number => {
  const words = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words[words.length - 1]?.length ?? 0;
};

/**
 * `(a OR b)` for filter tokens built from known values only, never from raw input. No column
 * filter: tags share the indexed text with the description (migration 0010), and archives made
 * before keep them in a column of their own; the tokens' prefixes keep them apart from words.
 */
export const tagClause = (tokens: readonly string[]): string =>
  `(${tokens.map((t) => `"${t}"`).join(' OR ')})`;

const TAG_TOKEN = /^(ty|ca|ev|oc|ac|ip|n8|n16|n24)_/;
/** A filter tag (`ty_user`, `ip_10_0_0_1`, …) as the index holds it. */
export const isTagToken = (term: string): boolean => TAG_TOKEN.test(term);
