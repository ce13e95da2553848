/** A piece of text, marked when it matched one of the search terms. */
export type Segment = { text: string; match: boolean };

const HAS_WORD = /[\p{L}\p{N}]/u;
/** Regex syntax characters (the ones that may be escaped in a `u` pattern). */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * The terms of a search as the server reads them: quoted phrases and single words, keeping only
 * those with a letter or digit (a lone `(` or `"` matches nothing and highlights nothing).
 */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (HAS_WORD.test(term) && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** A term as a literal pattern: every regex character escaped, any run of spaces matching any. */
const literal = (term: string): string =>
  term
    .split(/\s+/)
    .map((word) => word.replace(REGEX_SPECIAL, '\\$&'))
    .join('\\s+');

/**
 * Builds the matcher for a list of terms: case-insensitive, starting at a word boundary (the
 * search matches words and word prefixes, not the middle of words), longest term first.
 */
export function termsPattern(terms: readonly string[]): RegExp | null {
  const parts = [...terms]
    .filter((t) => HAS_WORD.test(t))
    .sort((a, b) => b.length - a.length)
    .map(literal);
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

/**
 * Splits `text` into plain and matched segments, in order; joined they give back `text`. The
 * caller renders the segments as React text (never as HTML), so nothing in `text` is markup.
 */
export function splitHighlights(text: string, terms: readonly string[]): Segment[] {
  const pattern = termsPattern(terms);
  if (!pattern || text === '') return text === '' ? [] : [{ text, match: false }];
  const segments: Segment[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > at) segments.push({ text: text.slice(at, m.index), match: false });
    segments.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
