import { formatSpan } from '../routers/durations';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../shared/storage-full';

/** "0 ms", "850 ms", "1.2 s", "2m 5s": a run's duration for log descriptions. */
export const formatDuration = (ms: number): string => {
  const v = Math.max(0, Math.round(ms));
  if (v < 1_000) return `${String(v)} ms`;
  if (v < 60_000) return `${(v / 1_000).toFixed(1)} s`;
  return formatSpan(v / 1_000);
};

/** "every 500 ms", "every 30 s", "every 15 min", "every 24 h". */
export const formatEvery = (ms: number): string => {
  if (ms < 1_000) return `every ${String(ms)} ms`;
  if (ms < 60_000) return `every ${String(Math.round(ms / 1_000))} s`;
  if (ms < 3_600_000) return `every ${String(Math.round(ms / 60_000))} min`;
  return `every ${String(Math.round(ms / 3_600_000))} h`;
};

const MAX_ERROR = 500;

/** Why a run failed, as one line of plain words (no stack, bounded length). */
export const plainError = (e: unknown): string => {
  if (isStorageFull(e)) return STORAGE_FULL_MESSAGE;
  const text = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  const line = text === '' ? 'failed without saying why' : text;
  return line.length > MAX_ERROR ? `${line.slice(0, MAX_ERROR - 1)}…` : line;
};

/** "12.3 MB", "840 kB", "512 B". */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1_000) return `${String(bytes)} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(0)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
};
