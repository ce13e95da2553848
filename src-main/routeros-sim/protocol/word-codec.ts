/**
 * RouterOS API framing: a word is a 1–5 byte length prefix (counting bytes) plus the bytes; a
 * sentence ends with a zero-length word. Text is mapped 1:1 onto bytes (latin1), so whatever a
 * client sends round-trips exactly.
 */

/** Words longer than this make the decoder fail (the server answers `!fatal` and closes). */
export const DEFAULT_MAX_WORD_BYTES = 16 * 1024 * 1024;

export const encodeLength = (len: number): Buffer => {
  if (!Number.isInteger(len) || len < 0 || len > 0xffffffff) {
    throw new RangeError(`word length out of range: ${len}`);
  }
  if (len < 0x80) return Buffer.from([len]);
  if (len < 0x4000) return Buffer.from([(len >>> 8) | 0x80, len & 0xff]);
  if (len < 0x200000) return Buffer.from([(len >>> 16) | 0xc0, (len >>> 8) & 0xff, len & 0xff]);
  if (len < 0x10000000) {
    return Buffer.from([(len >>> 24) | 0xe0, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff]);
  }
  return Buffer.from([
    0xf0,
    (len >>> 24) & 0xff,
    (len >>> 16) & 0xff,
    (len >>> 8) & 0xff,
    len & 0xff,
  ]);
};

export const wordBytes = (word: string | Buffer): Buffer =>
  typeof word === 'string' ? Buffer.from(word, 'latin1') : word;

export const encodeWord = (word: string | Buffer): Buffer => {
  const bytes = wordBytes(word);
  return Buffer.concat([encodeLength(bytes.length), bytes]);
};

export const encodeSentence = (words: readonly (string | Buffer)[]): Buffer =>
  Buffer.concat([...words.map(encodeWord), Buffer.from([0])]);

export type DecodeFailure = 'control-byte' | 'undefined-prefix' | 'word-too-long';

export class WordDecodeError extends Error {
  constructor(
    readonly reason: DecodeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'WordDecodeError';
  }
}

/**
 * How many prefix bytes a first byte announces, or a failure. First bytes 0xF1–0xF7 are undefined
 * and 0xF8–0xFF are reserved control bytes; neither can be parsed past.
 */
export const prefixSize = (first: number): number | 'control-byte' | 'undefined-prefix' => {
  if (first < 0x80) return 1;
  if (first < 0xc0) return 2;
  if (first < 0xe0) return 3;
  if (first < 0xf0) return 4;
  if (first === 0xf0) return 5;
  if (first < 0xf8) return 'undefined-prefix';
  return 'control-byte';
};

/** Reads a complete length prefix of `size` bytes at `at`. */
export const readLength = (buf: Buffer, at: number, size: number): number => {
  const b = (i: number): number => buf[at + i] ?? 0;
  switch (size) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x3f) << 8) | b(1);
    case 3:
      return ((b(0) & 0x1f) << 16) | (b(1) << 8) | b(2);
    case 4:
      return (b(0) & 0x0f) * 0x1000000 + ((b(1) << 16) | (b(2) << 8) | b(3));
    default:
      return b(1) * 0x1000000 + ((b(2) << 16) | (b(3) << 8) | b(4));
  }
};

/**
 * Streaming decoder: feed it any fragmentation of the byte stream; it returns every sentence
 * completed so far (empty sentences included; the caller decides to ignore them). After an error
 * the decoder is unusable: the connection must be closed.
 */
export class SentenceDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private words: string[] = [];
  private failed: WordDecodeError | null = null;

  constructor(private readonly maxWordBytes = DEFAULT_MAX_WORD_BYTES) {}

  push(chunk: Buffer): string[][] {
    if (this.failed) throw this.failed;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const done: string[][] = [];
    for (;;) {
      const word = this.nextWord();
      if (word === null) break;
      if (word.length === 0) {
        done.push(this.words);
        this.words = [];
      } else {
        this.words.push(word.toString('latin1'));
      }
    }
    return done;
  }

  /** Words of the sentence in progress (for diagnostics). */
  get partial(): readonly string[] {
    return this.words;
  }

  private fail(reason: DecodeFailure, message: string): WordDecodeError {
    this.failed = new WordDecodeError(reason, message);
    return this.failed;
  }

  private peek(n: number): Buffer | null {
    if (this.buffered < n) return null;
    const first = this.chunks[0];
    if (first && first.length >= n) return first;
    const joined = Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private consume(n: number): Buffer {
    const all = this.peek(n);
    if (!all) throw new Error('consume past buffered data');
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest, ...this.chunks.slice(1)] : this.chunks.slice(1);
    this.buffered -= n;
    return out;
  }

  private nextWord(): Buffer | null {
    const head = this.peek(1);
    if (!head) return null;
    const first = head[0] ?? 0;
    const size = prefixSize(first);
    if (size === 'control-byte') {
      throw this.fail(size, `reserved control byte 0x${first.toString(16)}`);
    }
    if (size === 'undefined-prefix') {
      throw this.fail(size, `undefined length prefix 0x${first.toString(16)}`);
    }
    const prefix = this.peek(size);
    if (!prefix) return null;
    const len = readLength(prefix, 0, size);
    if (len > this.maxWordBytes) throw this.fail('word-too-long', `word of ${len} bytes`);
    if (this.buffered < size + len) return null;
    this.consume(size);
    return Buffer.from(this.consume(len));
  }
}
