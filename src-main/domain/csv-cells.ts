/**
 * Writing CSV cells (RFC 4180: a cell with a comma, quote or line break is quoted, "" for a quote,
 * CRLF between rows). A text cell starting with = + - @ tab or CR gets a leading ' so that
 * spreadsheets never run it as a formula; `unguardCell` takes it off again on import.
 */

/** One CSV cell; null is an empty cell. */
export const csvCell = (v: string | number | null): string => {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Undoes csvCell's formula guard, so that exported files import again unchanged. */
export const unguardCell = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** One CSV row with its CRLF. */
export const csvRow = (cells: readonly (string | number | null)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;
