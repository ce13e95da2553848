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
import { writeClientsCsv } from './client-export-csv';
import type { Permission } from '../../contract/roles';
import type { Actor, RequestMeta } from '../shared/context';
import type { Sqlite } from '../db/open-database';
import type { SecretBox } from '../shared/secret-box';
import { SERVICE_PASSWORD_PURPOSE } from './client-view';

/**
 * Streams the filtered client list as CSV, then logs the export. The search and the rendering run
 * on a task thread with a read-only connection (client-export-csv.ts), or on this thread in
 * slices; each chunk waits for the sink (back-pressure). Service passwords only when asked
 * (`withPasswords`) by someone allowed to reveal them: the secret box is this process's, so that
 * export renders here, a page of clients per slice.
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
  /** This process's connection, for an export with passwords (read only). */
  sqlite: Sqlite;
  box: SecretBox;
  authorize: (actor: Actor, permission: Permission, procedure: string, meta: RequestMeta) => void;
}) => {
  const report = clientTaskReporter(deps.progress);
  return async (
    input: { filter?: ClientFilter; taskId?: string; withPasswords?: boolean },
    ctx: Ctx,
    open: OpenSink,
    opts: { signal?: AbortSignal } = {},
  ): Promise<{ rows: number } | null> => {
    const filter = input.filter ?? {};
    const withPasswords = input.withPasswords === true;
    if (withPasswords) {
      deps.authorize(ctx.actor, 'clients.revealPassword', 'clients.export', ctx);
    }
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
      const onProgress = (done: number) => progress(done, total.capped ? done + 1 : total.count);
      if (withPasswords) {
        ({ rows } = await writeClientsCsv(
          deps.sqlite,
          { filter, now, timeZone },
          {
            chunk: async (text) => {
              if (opts.signal?.aborted) throw new Error('The export was cancelled.');
              await sink.write(text);
            },
            progress: onProgress,
          },
          (box) => deps.box.open(box, SERVICE_PASSWORD_PURPOSE),
        ));
      } else {
        ({ rows } = await deps.tasks.run(
          { kind: 'clientsExport', file: deps.dbFile, filter, now, timeZone },
          {
            onChunk: (text) => sink.write(text),
            onProgress,
            ...(opts.signal ? { signal: opts.signal } : {}),
          },
        ));
      }
      await sink.end();
    } catch (e) {
      sink.abort();
      throw e;
    }
    deps.recorder.record({
      event: 'clients.exported',
      params: { by: ctx.actor.username, rows, ...(withPasswords ? { withPasswords } : {}) },
      ctx,
      details: { filter, rows, withPasswords, durationMs: deps.clock.now() - started },
    });
    return { rows };
  };
};

export type ClientExport = ReturnType<typeof createClientExport>;
