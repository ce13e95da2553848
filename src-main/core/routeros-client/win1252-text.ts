/** node-routeros encodes every word as Windows-1252; anything else silently becomes `?`. */
const WIN1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split(''));

export const isWin1252 = (text: string): boolean => {
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) continue;
    if (!WIN1252_EXTRA.has(ch)) return false;
  }
  return true;
};

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** The first character that cannot travel through node-routeros unchanged, if any. */
export const firstUnencodable = (text: string): string | undefined => {
  for (const ch of text) if (!isWin1252(ch)) return ch;
  return undefined;
};
