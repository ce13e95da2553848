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
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
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
      const row = endRow();
      if (row) yield row;
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw csvError(`A quoted field starting on line ${String(rowLine)} is never closed.`);
  if (cell !== '' || cells.length > 0) {
    const row = endRow();
    if (row) yield row;
  }
}

/** The whole file's rows at once (see `iterateCsv`). */
export const parseCsv = (text: string): { line: number; cells: string[] }[] => [
  ...iterateCsv(text),
];
