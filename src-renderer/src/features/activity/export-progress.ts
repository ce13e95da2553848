import { formatNumber } from '../../lib/format';

export type ExportFormat = 'csv' | 'ndjson';

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Counts the entries in an export as its bytes stream in, without decoding or keeping them.
 * NDJSON: one entry per line (JSON escapes newlines inside values). CSV: a line break inside a
 * quoted cell (a multi-line description) does not end the entry, and the header line is not an
 * entry. Quotes and line feeds are single bytes in UTF-8 and never part of a multi-byte
 * character, so counting bytes is exact, and chunks may split the text anywhere.
 */
export function createRecordCounter(format: ExportFormat) {
  let bytes = 0;
  let lines = 0;
  let inQuotes = false;
  return {
    push(chunk: Uint8Array): void {
      bytes += chunk.length;
      for (const b of chunk) {
        if (format === 'csv' && b === QUOTE) inQuotes = !inQuotes;
        else if (b === LF && !inQuotes) lines += 1;
      }
    },
    get bytes(): number {
      return bytes;
    },
    /** Complete entries so far. */
    get records(): number {
      return format === 'csv' ? Math.max(0, lines - 1) : lines;
    },
  };
}

export type ExportProgress = {
  format: ExportFormat;
  /** Entries written so far. */
  done: number;
  /** Entries expected (the search's count), or null when not known. */
  total: number | null;
  /** True when `total` is the search's cap, not the real number. */
  capped: boolean;
  bytes: number;
};

/** Percent for a progress bar, or null when it cannot be told (more than the capped count). */
export function exportPercent(p: Pick<ExportProgress, 'done' | 'total' | 'capped'>): number | null {
  if (p.total === null || p.total <= 0) return null;
  if (p.capped && p.done >= p.total) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

export const formatBytes = (n: number): string => {
  if (n < 1024) return `${String(n)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
};

/** "1,234 of 5,000 entries", "12,345 of 10,000+ entries", "1,234 entries · 2.1 MB". */
export function exportProgressLabel(p: ExportProgress): string {
  const done = formatNumber(p.done);
  const of = p.total === null ? '' : ` of ${formatNumber(p.total)}${p.capped ? '+' : ''}`;
  const size = p.bytes > 0 ? ` · ${formatBytes(p.bytes)}` : '';
  return `${done}${of} ${p.total === 1 && !p.capped ? 'entry' : 'entries'}${size}`;
}

export const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', ndjson: 'NDJSON' };
