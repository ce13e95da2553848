import { fieldError, type AppError } from '../shared/app-error';

/** A problem with the uploaded file as a whole, reported on the import's `csv` input. */
export const csvError = (message: string): AppError =>
  fieldError('validation', { path: ['csv'], message });

/**
 * Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes with "" for a quote,
 * CRLF or LF line ends, an optional UTF-8 BOM. Yields the rows one at a time with the 1-based
 * line each starts on, so that a large file can be read in slices. (Writing cells:
 * src-main/domain/csv-cells.ts.)
 */
export function* iterateCsv(text: string): Generator<{ line: number; cells: string[] }> {
  // Runs of plain text are taken with one slice each: a 100,000-row file reads in well under
  // a second, where a character at a time took many.
  const special = /[",\r\n]/g;
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    const row = cells.length > 1 || cells[0] !== '' ? { line: rowLine, cells } : null;
    cells = [];
    cell = '';
    return row;
  };
  while (i < text.length) {
    special.lastIndex = i;
    const m = special.exec(text);
    const at = m ? m.index : text.length;
    cell += text.slice(i, at);
    if (!m) break;
    const ch = m[0];
    if (ch === '"' && cell !== '') {
      // A quote inside an unquoted field is just a character.
      cell += ch;
      i = at + 1;
    } else if (ch === '"') {
      // A quoted field: up to the closing quote, "" for a quote, line breaks included.
      let from = at + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          throw csvError(`A quoted field starting on line ${String(rowLine)} is never closed.`);
        }
        const part = text.slice(from, q);
        for (let n = part.indexOf('\n'); n !== -1; n = part.indexOf('\n', n + 1)) line++;
        cell += part;
        if (text.charCodeAt(q + 1) !== 0x22) {
          i = q + 1;
          break;
        }
        cell += '"';
        from = q + 2;
      }
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      i = at + 1;
    } else {
      i = ch === '\r' && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1;
      const row = endRow();
      if (row) yield row;
      line++;
      rowLine = line;
    }
  }
  if (cell !== '' || cells.length > 0) {
    const row = endRow();
    if (row) yield row;
  }
}

/** The whole file's rows at once (see `iterateCsv`). */
export const parseCsv = (text: string): { line: number; cells: string[] }[] => [
  ...iterateCsv(text),
];
