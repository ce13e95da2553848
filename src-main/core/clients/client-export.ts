import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { ClientFilter } from '../../contract/schemas/clients';
import type { OpenSink } from '../activity/activity.service';
import type { Recorder } from '../activity/recorder';
import type { Clock } from '../shared/clock';
import type { SettingsService } from '../settings/settings.service';
import type { TaskRunner } from '../tasks/task-runner';
import type { ClientSearch } from './client-search';
import type { Ctx } from './clients.service';
import { clientTaskReporter, type ClientTaskProgress } from './client-task-progress';

/**
 * Streams the filtered client list as CSV (never passwords), then logs the export. The search
 * and the rendering run on a task thread with a read-only connection (client-export-csv.ts), or
 * on this thread in slices; each chunk waits for the sink (back-pressure).
 */
export const createClientExport = (deps: {
  search: ClientSearch;
  clock: Clock;
  recorder: Recorder;
  settings: SettingsService;
  tasks: TaskRunner;
  /** The database file the export reads, read-only. */
  dbFile: string;
  progress: ClientTaskProgress;
}) => {
  const report = clientTaskReporter(deps.progress);
  return async (
    input: { filter?: ClientFilter; taskId?: string },
    ctx: Ctx,
    open: OpenSink,
    opts: { signal?: AbortSignal } = {},
  ): Promise<{ rows: number } | null> => {
    const filter = input.filter ?? {};
    const now = deps.clock.now();
    // A bad filter fails before any file is opened; the count (capped) is the progress's total.
    const total = deps.search.count(filter, now);
    const { timeZone } = deps.settings.get();
    const sink = await open({
      fileName: `clients-${formatDate(new TZDate(now, timeZone), 'yyyyMMdd-HHmmss')}.csv`,
      contentType: 'text/csv; charset=utf-8',
    });
    if (!sink) return null;
    const started = deps.clock.now();
    const progress = report('clients.export', ctx, input.taskId);
    let rows: number;
    try {
      ({ rows } = await deps.tasks.run(
        { kind: 'clientsExport', file: deps.dbFile, filter, now, timeZone },
        {
          onChunk: (text) => sink.write(text),
          onProgress: (done) => progress(done, total.capped ? done + 1 : total.count),
          ...(opts.signal ? { signal: opts.signal } : {}),
        },
      ));
      await sink.end();
    } catch (e) {
      sink.abort();
      throw e;
    }
    deps.recorder.record({
      event: 'clients.exported',
      params: { by: ctx.actor.username, rows },
      ctx,
      details: { filter, rows, durationMs: deps.clock.now() - started },
    });
    return { rows };
  };
};

export type ClientExport = ReturnType<typeof createClientExport>;
