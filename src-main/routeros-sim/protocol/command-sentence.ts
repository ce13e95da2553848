/** A decoded command sentence, sorted into its word kinds (API page, "Sentences"). */
export type CommandSentence = {
  /** The first word: `/ppp/secret/print`, `/login`, `#`, … */
  command: string;
  /** `=name=value` words in order; the value is split at the second `=` and may be empty. */
  attributes: Map<string, string>;
  /** `.name=value` words other than `.tag`. */
  apiAttributes: Map<string, string>;
  /** `?…` query words, in order. */
  queries: string[];
  /** Words of no known kind. */
  other: string[];
  /** The `.tag` value; `undefined` when absent or empty (untagged). */
  tag: string | undefined;
  /** How many `.tag` words the command carried (the last one wins). */
  tagCount: number;
};

export const parseCommandSentence = (words: readonly string[]): CommandSentence => {
  const [command = '', ...rest] = words;
  const sentence: CommandSentence = {
    command,
    attributes: new Map(),
    apiAttributes: new Map(),
    queries: [],
    other: [],
    tag: undefined,
    tagCount: 0,
  };
  for (const word of rest) {
    if (word.startsWith('=')) {
      const eq = word.indexOf('=', 1);
      if (eq < 0) sentence.attributes.set(word.slice(1), '');
      else sentence.attributes.set(word.slice(1, eq), word.slice(eq + 1));
    } else if (word.startsWith('.tag=')) {
      const value = word.slice(5);
      sentence.tagCount += 1;
      sentence.tag = value === '' ? undefined : value;
    } else if (word.startsWith('.')) {
      const eq = word.indexOf('=');
      if (eq < 0) sentence.apiAttributes.set(word.slice(1), '');
      else sentence.apiAttributes.set(word.slice(1, eq), word.slice(eq + 1));
    } else if (word.startsWith('?')) {
      sentence.queries.push(word);
    } else {
      sentence.other.push(word);
    }
  }
  return sentence;
};

export type TagPosition = 'second' | 'last';

/** Builds the words of one reply sentence: reply word, tag (second or last), `=k=v` attributes. */
export const replyWords = (
  reply: string,
  attributes: readonly (readonly [string, string])[],
  tag: string | undefined,
  tagPosition: TagPosition,
): string[] => {
  const attrs = attributes.map(([k, v]) => `=${k}=${v}`);
  if (tag === undefined) return [reply, ...attrs];
  return tagPosition === 'second'
    ? [reply, `.tag=${tag}`, ...attrs]
    : [reply, ...attrs, `.tag=${tag}`];
};
