const HAS_WORD = /[\p{L}\p{N}]/u;
const MIN_PREFIX_CHARS = 3;

/**
 * Turns what a person typed into a safe FTS5 expression over `description`: every term becomes a
 * quoted string (so `ACC-0001`, `10.0.0.1`, `M-Pesa`, `NEAR(` or a stray `"` never reach the FTS5
 * parser as syntax), user-quoted phrases stay phrases, and the last word becomes a prefix search
 * while it is being typed. Returns null when nothing searchable is left.
 */
export const toFtsText = (input: string): string | null => {
  const text = input.normalize('NFKC');
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
    return `"${t.text.replaceAll('"', '""')}"${prefix ? '*' : ''}`;
  });
  return `description : (${quoted.join(' ')})`;
};

const lastWordLength = (term: string): number => {
  const words = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words[words.length - 1]?.length ?? 0;
};

/** `tags : (a OR b)` for filter tokens built from known values only, never from raw input. */
export const tagClause = (tokens: readonly string[]): string =>
  `tags : (${tokens.map((t) => `"${t}"`).join(' OR ')})`;
