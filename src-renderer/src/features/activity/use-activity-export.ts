import { useEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../lib/notify';
import { FORMAT_LABELS, createRecordCounter, formatBytes } from './export-progress';
import type { ExportFormat, ExportProgress } from './export-progress';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';

/** Repaint the progress at most this often while chunks stream in (ms). */
const PAINT_EVERY_MS = 100;

/**
 * Exports the view's entries. In the browser the body is streamed: every chunk is counted as it
 * arrives (entries and bytes, against the search's capped count) and the file is saved at the
 * end. In Electron the main process writes the file and reports `task.progress` events.
 */
export function useActivityExport(opts: {
  view: ActivityView;
  archive: string | null;
  /** The search's (capped) count, the expected size of the export. */
  expected: { count: number; capped: boolean } | undefined;
}) {
  const client = useApiClient();
  const clock = useOfficeClock();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = progress !== null;

  useEffect(() => {
    if (!running || client.transport.kind !== 'ipc') return;
    return client.subscribe('task.progress', (p) => {
      if (p.task !== 'export') return;
      setProgress((cur) => cur && { ...cur, done: p.done, total: p.total });
    });
  }, [client, running]);

  const start = async (format: ExportFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    const counter = createRecordCounter(format);
    const { view, archive, expected } = opts;
    setProgress({
      format,
      done: 0,
      total: expected?.count ?? null,
      capped: expected?.capped ?? false,
      bytes: 0,
    });
    let painted = -Infinity;
    const onChunk = (chunk: Uint8Array) => {
      counter.push(chunk);
      const now = performance.now();
      if (now - painted < PAINT_EVERY_MS) return;
      painted = now;
      setProgress((cur) => cur && { ...cur, done: counter.records, bytes: counter.bytes });
    };
    const filter = toApiFilter(view, Date.now(), clock);
    try {
      const outcome = await client.download(
        'activity.export',
        archive ? { filter, format, archive } : { filter, format },
        { onChunk, signal: abort.signal },
      );
      const what = `${FORMAT_LABELS[format]} export`;
      switch (outcome.kind) {
        case 'saved':
          notifySuccess(`Saved to ${outcome.path}`, `${what} complete`);
          break;
        case 'downloaded':
          notifySuccess(
            `${outcome.filename}: ${String(counter.records)} entries, ${formatBytes(counter.bytes)}`,
            `${what} complete`,
          );
          break;
        case 'cancelled':
          break;
      }
    } catch (e) {
      notifyError(e, 'Export failed');
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  return {
    progress,
    start: (format: ExportFormat) => void start(format),
    /** Browser only: stops the transfer (Electron cancels in its save dialog). */
    cancel: client.transport.kind === 'http' ? () => controller.current?.abort() : null,
  };
}
