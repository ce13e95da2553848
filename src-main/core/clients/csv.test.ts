import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/seeded-random';
import { parseCsv } from './csv';

/** The reader as it was, a character at a time: the reference the faster one must match. */
const referenceParse = (text: string): { line: number; cells: string[] }[] => {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted)
    throw new Error(`A quoted field starting on line ${String(rowLine)} is never closed.`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
};

const outcome = (parse: (t: string) => unknown) => (text: string) => {
  try {
    return { rows: parse(text) };
  } catch (e) {
    return { error: (e as Error).message.replace(/^csv: /, '') };
  }
};

describe('CSV reader', () => {
  it('reads every file exactly as the character-at-a-time reader did', () => {
    const random = seededRandom(14);
    // Few letters, many separators and quotes: every odd corner comes up within a few files.
    const pieces = ['a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '\uFEFF'];
    for (let file = 0; file < 3_000; file++) {
      const text = Array.from({ length: random.between(0, 30) }, () => random.pick(pieces)).join(
        '',
      );
      expect(outcome(parseCsv)(text), JSON.stringify(text)).toEqual(outcome(referenceParse)(text));
    }
  });
});
