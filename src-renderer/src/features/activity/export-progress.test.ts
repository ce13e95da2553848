import { describe, expect, it } from 'vitest';
import { createRecordCounter, exportPercent, exportProgressLabel } from './export-progress';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds `text` to a counter in pieces of `size` bytes. */
const count = (format: 'csv' | 'ndjson', text: string, size: number) => {
  const counter = createRecordCounter(format);
  const all = bytes(text);
  for (let i = 0; i < all.length; i += size) counter.push(all.subarray(i, i + size));
  return counter;
};

const CSV =
  'id,timestamp,description\r\n' +
  '3,2025-01-15T10:00:00Z,"Paid ""cash"", thanks"\r\n' +
  '2,2025-01-15T09:00:00Z,"Two lines:\r\nsecond line"\r\n' +
  '1,2025-01-15T08:00:00Z,Übergabe café ✓\r\n';

describe('createRecordCounter (export progress parsing)', () => {
  it('counts CSV entries without the header, across quoted commas, quotes and line breaks', () => {
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      const counter = count('csv', CSV, size);
      expect(counter.records, `chunks of ${String(size)}`).toBe(3);
      expect(counter.bytes).toBe(bytes(CSV).length);
    }
  });

  it('counts only complete entries while the body is still arriving', () => {
    const counter = createRecordCounter('csv');
    counter.push(bytes('id,description\r\n1,"half'));
    expect(counter.records).toBe(0);
    counter.push(bytes(' done\r\nnot"\r\n2,x'));
    expect(counter.records).toBe(1);
    counter.push(bytes('\r\n'));
    expect(counter.records).toBe(2);
  });

  it('counts NDJSON lines, whatever the values hold', () => {
    const ndjson = [
      { id: 2, description: 'Line "one"\nand two' },
      { id: 1, description: 'naïve' },
    ]
      .map((v) => `${JSON.stringify(v)}\n`)
      .join('');
    expect(count('ndjson', ndjson, 5).records).toBe(2);
    expect(count('ndjson', '', 5).records).toBe(0);
  });
});

describe('export progress display', () => {
  it('shows a share of the expected count, and nothing to measure beyond a capped count', () => {
    expect(exportPercent({ done: 250, total: 1000, capped: false })).toBe(25);
    expect(exportPercent({ done: 1200, total: 1000, capped: false })).toBe(100);
    expect(exportPercent({ done: 500, total: 10_000, capped: true })).toBe(5);
    expect(exportPercent({ done: 12_000, total: 10_000, capped: true })).toBeNull();
    expect(exportPercent({ done: 5, total: null, capped: false })).toBeNull();
  });

  it('says how far it got', () => {
    expect(
      exportProgressLabel({ format: 'csv', done: 1234, total: 10_000, capped: true, bytes: 2048 }),
    ).toBe('1,234 of 10,000+ entries · 2.0 KB');
    expect(
      exportProgressLabel({ format: 'ndjson', done: 0, total: 1, capped: false, bytes: 0 }),
    ).toBe('0 of 1 entry');
  });
});
