import type Database from 'better-sqlite3';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format as formatDate } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { ActivityFilter } from '../../contract/schemas/activity';
import type { Clock } from '../shared/clock';
import { logCategoriesOf } from '../../domain/permissions';
import { AppError } from '../shared/app-error';
import type { Actor, ServiceContext } from '../shared/context';
import type { Recorder } from './recorder';
import { createArchiveShelf, createLogSource } from './activity-source';
import type { TextBudget } from './activity-stats';
import type { Checkpoints } from './checkpoints';
import type { Retention } from './retention';
import { createTaskRunner, type TaskRunner } from '../tasks/task-runner';
import type { ExportFormat } from '../tasks/task-messages';
import type { TaskRegistry } from '../tasks/task-registry';
import { planBundle } from '../evidence/bundle-plan';
import { createInProcessReader, type LogReader, type LogReads } from './reader/log-reads';

export type { ExportFormat };
/** Receives the export in pieces; awaiting `write` gives back-pressure to the writer. */
export type ExportSink = {
  write(chunk: string | Uint8Array): Promise<void>;
  /** All written: finish the file. */
  end(): Promise<void>;
  /** Failed part-way: discard or break the file so that nobody takes it for complete. */
  abort(): void;
};
export type OpenSink = (file: {
  fileName: string;
  contentType: string;
}) => Promise<ExportSink | null>;

export const createActivityService = (deps: {
  sqlite: Database.Database;
  recorder: Recorder;
  clock: Clock;
  /** Export, verify and archive run as registered tasks: progress, cancel, duration. */
  registry: TaskRegistry;
  /** Where verify and export run (task threads in the app); on this thread by default. */
  tasks?: TaskRunner;
  checkpoints: Checkpoints;
  retention: Retention;
  /** Where the screen's reads run (reader threads in the app); on this thread by default. */
  reader?: (sources: { archivesDir: string }) => LogReader;
  nativeBinding?: string;
  /** For text-filtered histograms and facets read on this thread (reader threads get theirs). */
  textBudget?: TextBudget;
  /** The office's time zone, for the times in exports and evidence bundles. */
  timeZone: () => string;
}) => {
  const { recorder } = deps;
  const now = () => deps.clock.now();
  const live = createLogSource(deps.sqlite, now, deps.textBudget);
  const shelf = createArchiveShelf(deps.retention.archivesDir, now, {
    ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    ...(deps.textBudget ? { textBudget: deps.textBudget } : {}),
  });
  const source = (archive?: string) => (archive === undefined ? live : shelf.source(archive));
  const reader = deps.reader
    ? deps.reader({ archivesDir: deps.retention.archivesDir })
    : createInProcessReader(source);
  const tasks =
    deps.tasks ?? createTaskRunner(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {});
  const { registry } = deps;
  const by = (ctx: ServiceContext) => ctx.actor?.username ?? 'system';
  type From = { archive?: string | undefined; taskId?: string | undefined };

  /**
   * The filter as `viewer` may run it: only entries of the categories their role may read (no
   * viewer: the core itself, which reads everything).
   */
  const scoped = <I extends { filter: ActivityFilter }>(input: I, viewer: Actor | null): I => {
    const visible = viewer ? logCategoriesOf(viewer.role) : null;
    return visible ? { ...input, filter: { ...input.filter, visibleCategories: visible } } : input;
  };

  return {
    search: (input: LogReads['search']['input'], viewer: Actor | null) =>
      reader.read('search', scoped(input, viewer)),
    histogram: (input: LogReads['histogram']['input'], viewer: Actor | null) =>
      reader.read('histogram', scoped(input, viewer)),
    facets: (input: LogReads['facets']['input'], viewer: Actor | null) =>
      reader.read('facets', scoped(input, viewer)),
    /** How many entries the viewer's filter matches after `afterId` (the live tail's count). */
    countAfter: (input: LogReads['countAfter']['input'], viewer: Actor | null) =>
      reader.read('countAfter', scoped(input, viewer)),
    /** One entry; one the viewer's role may not read answers exactly as a missing one. */
    get: async (input: LogReads['get']['input'], viewer: Actor | null) => {
      const entry = await reader.read('get', input);
      const visible = viewer ? logCategoriesOf(viewer.role) : null;
      if (visible && !visible.includes(entry.category)) {
        throw new AppError('not_found', `Activity entry ${String(input.id)} does not exist.`);
      }
      return entry;
    },
    /** The newest entries, on this thread (a single short page: the dashboard's list). */
    recent: (limit: number, viewer: Actor | null) =>
      live.search.search(scoped({ filter: {} }, viewer).filter, { limit }).entries,

    archives: () => shelf.list(),
    archive: (input: { before: number; taskId?: string | undefined }, ctx: ServiceContext) =>
      registry.run('archive', ctx, input, (task) =>
        deps.retention.archiveBefore(input.before, ctx, task),
      ),
    /** Finishes an archive run cut short by a crash or quit (the core starts this itself). */
    finishArchive: (ctx: ServiceContext) => deps.retention.resume(ctx),
    checkpoints: () => ({
      publicKey: deps.checkpoints.publicKeyPem,
      checkpoints: deps.checkpoints.list(),
    }),

    /** Names the export file, then streams every matching entry into the sink, then logs it. */
    exportTo: async (
      input: { filter: ActivityFilter; format: ExportFormat } & From,
      ctx: ServiceContext,
      open: OpenSink,
    ): Promise<{ rows: number } | null> => {
      const logFile = source(input.archive).sqlite.name;
      const { filter } = scoped(input, ctx.actor);
      // Validates the filter (e.g. a bad IP) before anything is opened or written, and counts
      // (capped) for the progress, on the reader threads: a count can take a while.
      const { total } = await reader.read('search', {
        filter,
        limit: 1,
        ...(input.archive === undefined ? {} : { archive: input.archive }),
      });
      const timeZone = deps.timeZone();
      const stamp = formatDate(new TZDate(deps.clock.now(), timeZone), 'yyyyMMdd-HHmmss');
      const sink = await open({
        fileName: `activity-${stamp}.${input.format === 'csv' ? 'csv' : 'ndjson'}`,
        contentType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
      });
      if (!sink) return null; // the user cancelled the save dialog
      try {
        return await registry.run('export', ctx, input, async (task) => {
          const { rows } = await tasks.run(
            { kind: 'export', file: logFile, filter, format: input.format, timeZone },
            {
              onChunk: (text) => sink.write(text),
              onProgress: (done) => task.progress(done, total.capped ? done + 1 : total.count),
              signal: task.signal,
            },
          );
          // Cancelled after the last chunk: the file is still discarded.
          task.throwIfCancelled();
          await sink.end();
          recorder.record({
            event: 'activity.exported',
            params: { by: by(ctx), format: input.format, rows },
            ctx,
            details: {
              filter: input.filter,
              format: input.format,
              rows,
              archive: input.archive ?? null,
              durationMs: task.elapsed(),
            },
          });
          return { rows };
        });
      } catch (e) {
        // Failed, cancelled or refused (a task id in use): the file is discarded.
        sink.abort();
        throw e;
      }
    },

    /**
     * An evidence bundle for an auditor (core/evidence): planned here (a few lookups; a
     * checkpoint signed at the head when none covers the range yet), written on a task thread
     * into a private temporary file, then streamed into the sink and logged.
     */
    bundleTo: async (
      input: {
        from: number;
        to: number;
        filter?: Omit<ActivityFilter, 'from' | 'to'> | undefined;
      } & From & { taskId?: string | undefined },
      ctx: ServiceContext,
      open: OpenSink,
    ): Promise<{ rows: number } | null> => {
      const { sqlite } = source(input.archive);
      const started = deps.clock.now();
      const plan = planBundle(
        sqlite,
        { from: input.from, to: input.to },
        {
          now: started,
          ...(input.archive === undefined ? { signer: deps.checkpoints.signer } : {}),
        },
      );
      const timeZone = deps.timeZone();
      const day = (ms: number) => formatDate(new TZDate(ms, timeZone), 'yyyyMMdd');
      const fileName = `evidence-${day(input.from)}-${day(input.to)}.tar`;
      const work = mkdtempSync(join(tmpdir(), 'ispdesk-bundle-'));
      const target = join(work, fileName);
      try {
        const total = plan.chain.toId - plan.chain.afterId;
        return await registry.run('bundle', ctx, input, async (task) => {
          const result = await tasks.run(
            {
              kind: 'bundle',
              file: sqlite.name,
              target,
              plan,
              filter: input.filter ?? null,
              timeZone,
              createdAt: started,
              origin: deps.checkpoints.signer.origin,
            },
            { onProgress: (done) => task.progress(done, total), signal: task.signal },
          );
          task.throwIfCancelled();
          const sink = await open({ fileName, contentType: 'application/x-tar' });
          if (!sink) return null; // the user cancelled the save dialog
          try {
            for await (const chunk of createReadStream(target, { highWaterMark: 256 * 1024 })) {
              await sink.write(chunk as Buffer);
            }
            await sink.end();
          } catch (e) {
            sink.abort();
            throw e;
          }
          recorder.record({
            event: 'activity.bundled',
            params: { by: by(ctx), entries: result.entries },
            ctx,
            details: {
              from: input.from,
              to: input.to,
              filter: input.filter ?? null,
              archive: input.archive ?? null,
              entries: result.entries,
              chain: plan.chain,
              bytes: result.bytes,
              durationMs: task.elapsed(),
            },
          });
          return { rows: result.entries };
        });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },

    verify: async (input: From | undefined, ctx: ServiceContext) => {
      const { sqlite } = source(input?.archive);
      const total =
        sqlite
          .prepare<[], { n: number }>( // Two subqueries: the min/max shortcut needs each aggregate on its own.
            'SELECT (SELECT max(id) FROM activity_log) - (SELECT min(id) FROM activity_log) + 1 AS n',
          )
          .get()?.n ?? 0;
      return registry.run('verify', ctx, input ?? {}, async (task) => {
        const { result } = await tasks.run(
          { kind: 'verify', file: sqlite.name },
          { onProgress: (done) => task.progress(done, total), signal: task.signal },
        );
        task.throwIfCancelled();
        recorder.record({
          event: 'activity.verified',
          params: {
            by: by(ctx),
            checked: result.checked,
            ok: result.ok,
            firstBadId: result.firstBadId,
          },
          outcome: result.ok ? 'success' : 'failure',
          ctx,
          details: {
            ...result,
            archive: input?.archive ?? null,
            durationMs: task.elapsed(),
          },
        });
        return result;
      });
    },

    close: async () => {
      await reader.close();
      shelf.close();
    },
  };
};

export type ActivityService = ReturnType<typeof createActivityService>;
