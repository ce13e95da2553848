import { describe, expect, it } from 'vitest';
import {
  SentenceDecoder,
  WordDecodeError,
  encodeLength,
  encodeSentence,
  encodeWord,
} from './word-codec';

const hex = (b: Buffer): string => b.toString('hex');

describe('encodeLength', () => {
  // jda/routeros-api-go mtbyteproto_test.go, librouteros test_long_word (256 → 81 00).
  it.each([
    [0x01, '01'],
    [0x87, '8087'],
    [0x4321, 'c04321'],
    [0x2acdef, 'e02acdef'],
    [0x10000080, 'f010000080'],
    [256, '8100'],
  ])('encodes %i as %s', (len, expected) => {
    expect(hex(encodeLength(len))).toBe(expected);
  });

  it.each([
    [0x7f, '7f'],
    [0x80, '8080'],
    [0x3fff, 'bfff'],
    [0x4000, 'c04000'],
    [0x1fffff, 'dfffff'],
    [0x200000, 'e0200000'],
    [0xfffffff, 'efffffff'],
    [0x10000000, 'f010000000'],
  ])('uses the right form at the boundary %i', (len, expected) => {
    expect(hex(encodeLength(len))).toBe(expected);
  });

  it('rejects negative and fractional lengths', () => {
    expect(() => encodeLength(-1)).toThrow(RangeError);
    expect(() => encodeLength(1.5)).toThrow(RangeError);
  });
});

describe('encodeWord', () => {
  it('counts bytes, not characters', () => {
    // 'ä' is one latin1 byte; a UTF-8 buffer of the same text is two.
    expect(hex(encodeWord('=comment=ä'))).toBe('0a3d636f6d6d656e743de4');
    expect(hex(encodeWord(Buffer.from('ä', 'utf8')))).toBe('02c3a4');
  });

  it('encodes a sentence with the terminating zero-length word', () => {
    expect(hex(encodeSentence(['/login', '=name=admin']))).toBe(
      '062f6c6f67696e0b3d6e616d653d61646d696e00',
    );
  });
});

describe('SentenceDecoder', () => {
  const sample = (): { bytes: Buffer; sentences: string[][] } => {
    const long = 'x'.repeat(256); // prefix 81 00 contains a zero byte
    const longer = 'y'.repeat(0x4321);
    const sentences = [
      ['!re', '.tag=7', `=comment=${long}`],
      ['!done', '.tag=7', `=ret=${longer}`],
      ['!trap', '=message=ä ö'],
    ];
    return { bytes: Buffer.concat(sentences.map((s) => encodeSentence(s))), sentences };
  };

  it('decodes whole buffers', () => {
    const { bytes, sentences } = sample();
    expect(new SentenceDecoder().push(bytes)).toEqual(sentences);
  });

  it('decodes a split at every byte position, including just before the final zero', () => {
    const sentences = [
      ['!re', '.tag=1', `=a=${'z'.repeat(200)}`],
      ['!done', '.tag=1'],
    ];
    const bytes = Buffer.concat(sentences.map((s) => encodeSentence(s)));
    for (let i = 0; i <= bytes.length; i++) {
      const d = new SentenceDecoder();
      const got = [...d.push(bytes.subarray(0, i)), ...d.push(bytes.subarray(i))];
      expect(got).toEqual(sentences);
    }
  });

  it('decodes byte-at-a-time delivery', () => {
    const { bytes, sentences } = sample();
    const d = new SentenceDecoder();
    const got: string[][] = [];
    for (const byte of bytes) got.push(...d.push(Buffer.from([byte])));
    expect(got).toEqual(sentences);
  });

  it('decodes the 5-byte prefix form', () => {
    // A non-canonical 5-byte prefix for a short word is still a valid prefix.
    const d = new SentenceDecoder();
    expect(d.push(Buffer.from([0xf0, 0, 0, 0, 3, 0x61, 0x62, 0x63, 0]))).toEqual([['abc']]);
    // The vector length 0x10000080 is read in full and then awaited, not rejected.
    const big = new SentenceDecoder(0x20000000);
    expect(big.push(Buffer.from([0xf0, 0x10, 0x00, 0x00, 0x80, 0x61]))).toEqual([]);
    expect(() => new SentenceDecoder().push(Buffer.from([0xf0, 0x10, 0, 0, 0x80]))).toThrow(
      /268435584 bytes/,
    );
  });

  it('returns an empty sentence for a lone zero byte', () => {
    expect(new SentenceDecoder().push(Buffer.from([0]))).toEqual([[]]);
  });

  it.each([
    [0xf8, 'control-byte'],
    [0xff, 'control-byte'],
    [0xf1, 'undefined-prefix'],
    [0xf7, 'undefined-prefix'],
  ])('fails on first byte 0x%s', (byte, reason) => {
    const d = new SentenceDecoder();
    let caught: unknown;
    try {
      d.push(Buffer.from([byte, 0, 0, 0, 0]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(WordDecodeError);
    expect((caught as WordDecodeError).reason).toBe(reason);
    expect(() => d.push(Buffer.from([0]))).toThrow(WordDecodeError);
  });

  it('fails on a word above the size limit before buffering it', () => {
    const d = new SentenceDecoder(1000);
    expect(() => d.push(encodeLength(1001))).toThrow(/1001 bytes/);
  });
});
