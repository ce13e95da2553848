import { withoutControls } from '../../contract/schemas/search-text';

/**
 * Trigrams need three characters. A search of only one or two letters matches the start of the
 * name; shorter words next to longer ones are matched within the longer words' hits.
 */
const MIN_TRIGRAM = 3;

export type SearchTerms =
  /**
   * FTS5 MATCH expression (ANDed quoted words) plus LIKE patterns for short extra words, and the
   * long words as LIKE patterns too (`words`): a client with each of them inside one of its
   * indexed texts matches the expression (the converse fails only for accents and non-ASCII case).
   */
  | { kind: 'fts'; match: string; likes: string[]; words: string[] }
  /** Only short words: the start of the name (lower-case), a range of the name index. */
  | { kind: 'prefix'; prefix: string }
  | { kind: 'none' };

const quote = (w: string) => `"${w.replaceAll('"', '""')}"`;
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

export const parseSearch = (raw: string | undefined): SearchTerms => {
  const words = withoutControls(raw ?? '')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return { kind: 'none' };
  const long = words.filter((w) => w.length >= MIN_TRIGRAM);
  const short = words.filter((w) => w.length < MIN_TRIGRAM);
  if (long.length === 0) return { kind: 'prefix', prefix: words.join(' ') };
  return {
    kind: 'fts',
    match: long.map(quote).join(' AND '),
    likes: short.map((w) => `%${likeEscape(w)}%`),
    words: long.map((w) => `%${likeEscape(w)}%`),
  };
};

/** Upper bound for a prefix range: every string starting with `p` sorts before it. */
export const prefixEnd = (p: string): string => `${p}\u{10FFFF}`;
