import type Database from 'better-sqlite3';
import { format as formatDate } from 'date-fns';
import type { ActivityFilter, ActivityEntry } from '../../contract/schemas/activity';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/context';
import { AppError } from '../shared/app-error';
import type { Recorder } from './recorder';
import { createActivitySearch } from './activity-search';
import { createActivityStats } from './activity-stats';
import { ACTIVITY_COLUMNS, toEntry, type ActivityRow } from './activity-row';
import { csvHeader, csvLine, ndjsonLine } from './activity-export';
import { verifyChain } from './verify-chain';

export type ExportFormat = 'csv' | 'ndjson';
/** Receives the export in pieces; awaiting `write` gives back-pressure to the writer. */
export type ExportSink = {
  write(chunk: string): Promise<void>;
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
}) => {
  const { sqlite, recorder } = deps;
  const search = createActivitySearch(sqlite);
  const stats = createActivityStats({
    sqlite,
    planner: search.planner,
    now: () => deps.clock.now(),
  });
  const byId = sqlite.prepare<[number], ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id = ?`,
  );
  const by = (ctx: ServiceContext) => ctx.actor?.username ?? 'system';

  return {
    search: (input: { filter: ActivityFilter; cursor?: number; limit?: number }) =>
      search.search(input.filter, input),

    histogram: (filter: ActivityFilter) => stats.histogram(filter),
    facets: (filter: ActivityFilter) => stats.facets(filter),

    get: (id: number): ActivityEntry => {
      const row = byId.get(id);
      if (!row) throw new AppError('not_found', `Activity entry ${String(id)} does not exist`);
      return toEntry(row);
    },

    /** Names the export file, then streams every matching entry into the sink, then logs it. */
    exportTo: async (
      input: { filter: ActivityFilter; format: ExportFormat },
      ctx: ServiceContext,
      open: OpenSink,
    ): Promise<{ rows: number } | null> => {
      // Validate the filter (e.g. a bad IP) before anything is opened or written.
      search.search(input.filter, { limit: 1 });
      const stamp = formatDate(deps.clock.now(), 'yyyyMMdd-HHmmss');
      const sink = await open({
        fileName: `activity-${stamp}.${input.format === 'csv' ? 'csv' : 'ndjson'}`,
        contentType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
      });
      if (!sink) return null; // the user cancelled the save dialog
      const line = input.format === 'csv' ? csvLine : ndjsonLine;
      let rows = 0;
      try {
        if (input.format === 'csv') await sink.write(csvHeader());
        for (const page of search.iterate(input.filter)) {
          await sink.write(page.map(line).join(''));
          rows += page.length;
        }
        await sink.end();
      } catch (e) {
        sink.abort();
        throw e;
      }
      recorder.record({
        event: 'activity.exported',
        params: { by: by(ctx), format: input.format, rows },
        ctx,
        details: { filter: input.filter, format: input.format, rows },
      });
      return { rows };
    },

    verify: async (ctx: ServiceContext) => {
      const result = await verifyChain(sqlite);
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
        details: { ...result },
      });
      return result;
    },
  };
};

export type ActivityService = ReturnType<typeof createActivityService>;
