import { useRef, useState } from 'react';
import { useApiClient } from '../../api/api-context';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useOwnTask } from '../tasks/use-own-task';
import { FORMAT_LABELS, createRecordCounter, formatBytes } from './export-progress';
import type { ExportFormat, ExportProgress } from './export-progress';
import { toApiFilter } from './filter-params';
import type { ActivityView } from './filter-params';
import { useOfficeClock } from '../../lib/office-clock-context';

/** Repaint the progress at most this often while chunks stream in (ms). */
const PAINT_EVERY_MS = 100;

/**
 * Exports the view's entries under a task id of its own. In the browser the body is streamed:
 * every chunk is counted as it arrives (entries and bytes, against the search's capped count)
 * and the file is saved at the end. In Electron the main process writes the file and reports
 * that task's `task.progress` events. Either way "Cancel" stops the task in the core (which logs
 * it) and the transfer.
 */
export function useActivityExport(opts: {
  view: ActivityView;
  archive: string | null;
  /** The search's (capped) count, the expected size of the export. */
  expected: { count: number; capped: boolean } | undefined;
}) {
  const client = useApiClient();
  const task = useOwnTask();
  const clock = useOfficeClock();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  // In Electron the counts come from the core, for this export's task only.
  const reported = client.transport.kind === 'ipc' ? task.progress : null;

  const start = async (format: ExportFormat) => {
    if (controller.current) return;
    const abort = new AbortController();
    controller.current = abort;
    const taskId = task.begin();
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
        archive ? { filter, format, archive, taskId } : { filter, format, taskId },
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
      if (task.wasCancelled(taskId)) {
        notifySuccess('Nothing was saved.', `${FORMAT_LABELS[format]} export cancelled`);
      } else {
        notifyError(e, 'Export failed');
      }
    } finally {
      controller.current = null;
      task.end();
      setProgress(null);
    }
  };

  /** The core stops the task (and logs it), then the transfer is dropped. */
  const cancel = async () => {
    await task.cancel();
    controller.current?.abort();
  };

  return {
    progress: progress && reported ? { ...progress, ...reported } : progress,
    start: (format: ExportFormat) => void start(format),
    cancel: () => void cancel(),
    cancelling: task.cancelling,
  };
}
