import type Database from 'better-sqlite3';
import { isTagToken, type ExpandPrefix } from './fts-query';

/** A typed prefix matching more words than this stays an FTS5 prefix query. */
const MAX_EXPANSION = 64;
const CACHED_PREFIXES = 64;

/**
 * The index's own words that start with a typed prefix (see toFtsText). fts5vocab answers by
 * reading the whole doclist of every matching word (10 ms for a word in a tenth of 10M entries),
 * and one keystroke asks for the same prefix several times (results, count, histogram, facets):
 * answers are kept until the database changes, which `data_version` (commits by other
 * connections, such as the main thread's when this is a reader thread) and `total_changes()`
 * (this connection's own) tell exactly.
 */
export const createPrefixExpander = (sqlite: Database.Database): ExpandPrefix => {
  // Since 0010 the index has one column (`search_text`) and a 'row' vocabulary; archives written
  // before have `description` and `tags` columns and a 'col' vocabulary.
  const perColumn = sqlite
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('activity_fts_vocab')")
    .all()
    .some((c) => c.name === 'col');
  const vocab = sqlite.prepare<[string, string], { term: string }>(
    `SELECT term FROM activity_fts_vocab
     WHERE ${perColumn ? "col = 'description' AND " : ''}term >= ? AND term < ?
     LIMIT ${String(MAX_EXPANSION + 1)}`,
  );
  const version = sqlite.prepare<[], { v: string }>(
    "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS v",
  );
  const cache = new Map<string, { version: string; words: string[] | null }>();

  return (prefix: string): string[] | null => {
    const now = version.get()?.v ?? '';
    const hit = cache.get(prefix);
    if (hit?.version === now) return hit.words;
    const found = vocab
      .all(prefix, `${prefix}\u{10FFFF}`)
      .map((r) => r.term)
      .filter((w) => !isTagToken(w));
    const words = found.length > MAX_EXPANSION ? null : found;
    cache.delete(prefix);
    cache.set(prefix, { version: now, words });
    if (cache.size > CACHED_PREFIXES) cache.delete(cache.keys().next().value ?? '');
    return words;
  };
};
