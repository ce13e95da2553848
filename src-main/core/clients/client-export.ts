import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { ClientFilter } from '../../contract/schemas/clients';
import type { OpenSink } from '../activity/activity.service';
import type { Recorder } from '../activity/recorder';
import type { Clock } from '../shared/clock';
import type { SettingsService } from '../settings/settings.service';
import type { TaskRegistry } from '../tasks/task-registry';
import type { TaskRunner } from '../tasks/task-runner';
import type { ClientSearch } from './client-search';
import type { Ctx } from './clients.service';
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
 * export renders here, a page of clients per slice. The export is a task of the caller's
 * (`clients.export`): they (or an administrator) may cancel it, and a cancelled export's file is
 * discarded.
 */
export const createClientExport = (deps: {
  search: ClientSearch;
  clock: Clock;
  recorder: Recorder;
  settings: SettingsService;
  tasks: TaskRunner;
  registry: TaskRegistry;
  /** The database file the export reads, read-only. */
  dbFile: string;
  /** This process's connection, for an export with passwords (read only). */
  sqlite: Sqlite;
  box: SecretBox;
  authorize: (actor: Actor, permission: Permission, procedure: string, meta: RequestMeta) => void;
}) => {
  return async (
    input: { filter?: ClientFilter; taskId?: string; withPasswords?: boolean },
    ctx: Ctx,
    open: OpenSink,
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
    try {
      return await deps.registry.run('clients.export', ctx, input, async (task) => {
        const onProgress = (done: number) =>
          task.progress(done, total.capped ? done + 1 : total.count);
        const { rows } = withPasswords
          ? await writeClientsCsv(
              deps.sqlite,
              { filter, now, timeZone },
              {
                chunk: async (text) => {
                  task.throwIfCancelled();
                  await sink.write(text);
                },
                progress: onProgress,
              },
              (box) => deps.box.open(box, SERVICE_PASSWORD_PURPOSE),
            )
          : await deps.tasks.run(
              { kind: 'clientsExport', file: deps.dbFile, filter, now, timeZone },
              { onChunk: (text) => sink.write(text), onProgress, signal: task.signal },
            );
        // Cancelled after the last chunk: the file is still discarded.
        task.throwIfCancelled();
        await sink.end();
        deps.recorder.record({
          event: 'clients.exported',
          params: { by: ctx.actor.username, rows, ...(withPasswords ? { withPasswords } : {}) },
          ctx,
          details: { filter, rows, withPasswords, durationMs: task.elapsed() },
        });
        return { rows };
      });
    } catch (e) {
      // Failed, cancelled or refused (a task id in use): the file is discarded.
      sink.abort();
      throw e;
    }
  };
};

export type ClientExport = ReturnType<typeof createClientExport>;
