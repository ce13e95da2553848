import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, unguardCell } from './csv-cells';

describe('CSV cells', () => {
  it('quotes only cells with a comma, quote or line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, and undoes it on import', () => {
    for (const text of ['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx']) {
      const cell = csvCell(text);
      expect(cell.replace(/^"|"$/g, '').startsWith(`'`), text).toBe(true);
      expect(unguardCell(`'${text}`)).toBe(text);
    }
    // Numbers are numbers, not formulas; an apostrophe before other text stays.
    expect(csvCell(-5)).toBe('-5');
    expect(unguardCell(`'quoted`)).toBe(`'quoted`);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('ends each row with CRLF', () => {
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});
