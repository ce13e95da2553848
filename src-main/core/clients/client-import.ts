import { performance } from 'node:perf_hooks';
import type { ImportPreview, ImportRequest, ImportResult } from '../../contract/schemas/clients';
import type { PlansRepo } from '../plans/plans.repo';
import type { TaskHandle, TaskRegistry } from '../tasks/task-registry';
import type { TaskRunner } from '../tasks/task-runner';
import type { CheckedImport, ImportCandidate, ImportLookups } from './client-import-check';
import { lineCount, storedConflicts } from './client-import-check';
import type { ClientsDeps, Ctx } from './clients.service';
import type { ClientRecord } from './clients.repo';
import { csvError } from './csv';
import { nextTurn } from '../shared/next-turn';

/**
 * How the commit writes: slices of at most `rows` rows, each closed once it has run `budgetMs`
 * (by `elapsed`, milliseconds), each its own transaction, with `breathe` between two slices.
 */
export type ImportSlicing = {
  rows: number;
  budgetMs: number;
  elapsed: () => number;
  breathe: () => Promise<void>;
};

/** A slice stays within one frame (16 ms) on an office PC: the main thread keeps answering. */
const DEFAULT_SLICING: ImportSlicing = {
  rows: 200,
  budgetMs: 10,
  elapsed: () => performance.now(),
  breathe: nextTurn,
};

/**
 * CSV import in two steps that share one checker (client-import-check.ts), which runs on a task
 * thread with a read-only connection (or on this thread in slices): `preview` reports every row
 * it would reject and why, writing nothing but its log entry; `commit` checks the file again and
 * writes the accepted rows on the main connection in slices, each its own transaction holding
 * its clients and their log entries, re-checking each row against what other desks changed since.
 * Each is a task of the caller's (`clients.check`, `clients.import`): its progress goes to them,
 * and they (or an administrator) may cancel it with `tasks.cancel`.
 */
export const createClientImport = (
  deps: ClientsDeps & {
    plans: PlansRepo;
    insertLogged: (input: ImportCandidate['input'], ctx: Ctx) => ClientRecord;
    tasks: TaskRunner;
    registry: TaskRegistry;
    /** The database file the check opens read-only. */
    dbFile: string;
    slicing?: Partial<ImportSlicing>;
  },
) => {
  const slicing = { ...DEFAULT_SLICING, ...deps.slicing };
  const lookups: ImportLookups = {
    plans: deps.plans,
    accountTaken: deps.clients.accountTaken,
    rules: deps.rules,
  };

  /**
   * Runs the checker as (a step of) `task`; with `accept`, receives the accepted rows in file
   * order.
   */
  const check = (
    input: ImportRequest,
    task: TaskHandle,
    accept?: (c: ImportCandidate) => void,
  ): Promise<CheckedImport> => {
    // At most this many rows: the line count (a quoted line break makes a row span two lines).
    const lines = lineCount(input.csv) - 1;
    return deps.tasks.run(
      {
        kind: 'clientsCheck',
        file: deps.dbFile,
        csv: input.csv,
        timeZone: deps.settings.get().timeZone,
        withAccepted: accept !== undefined,
      },
      {
        onProgress: (done) => task.progress(done, Math.max(done, lines), 'clients.check'),
        ...(accept
          ? {
              onChunk: (text: string) => {
                for (const c of JSON.parse(text) as ImportCandidate[]) accept(c);
                return Promise.resolve();
              },
            }
          : {}),
        signal: task.signal,
      },
    );
  };

  /** One slice's rows, written in one transaction: each whole or, on a new conflict, skipped. */
  const writeSlice = (candidates: ImportCandidate[], from: number, ctx: Ctx) => {
    const started = slicing.elapsed();
    return deps.write(() => {
      const written: ClientRecord[] = [];
      const rejected: ImportPreview['rejected'] = [];
      let next = from;
      while (
        next < candidates.length &&
        next - from < slicing.rows &&
        (next === from || slicing.elapsed() - started < slicing.budgetMs)
      ) {
        const c = candidates[next++];
        if (!c) break;
        const conflicts = storedConflicts(c.input, lookups);
        if (conflicts.length > 0) rejected.push({ line: c.line, errors: conflicts });
        else written.push(deps.insertLogged(c.input, ctx));
      }
      return { next, written, rejected };
    });
  };

  return {
    preview: (input: ImportRequest, ctx: Ctx): Promise<ImportPreview> =>
      deps.registry.run('clients.check', ctx, input, async (task) => {
        const { rows, preview } = await check(input, task);
        task.throwIfCancelled();
        deps.write(() => {
          deps.recorder.record({
            event: 'clients.import_checked',
            params: {
              by: ctx.actor.username,
              rows,
              accepted: preview.accepted,
              rejected: preview.rejected.length,
            },
            ctx,
            details: {
              rows,
              accepted: preview.accepted,
              rejected: preview.rejected.length,
              ignoredColumns: preview.ignoredColumns,
              durationMs: task.elapsed(),
            },
          });
        });
        return preview;
      }),

    /**
     * Imports every accepted row (rejected rows are skipped), in slices. Cancelled during the
     * check, it writes nothing and fails with `conflict`; during the writes it stops after the
     * slice being written: the rows written so far stay imported, and the result and the
     * `clients.imported` entry say how many and that the import was cancelled. A row another
     * desk made invalid since the check (a login or IP taken, a plan retired) is skipped and
     * listed with the rejected rows. A failure part-way (the disk) keeps the slices written
     * before it, logs them, and fails.
     */
    commit: (input: ImportRequest, ctx: Ctx): Promise<ImportResult> =>
      deps.registry.run('clients.import', ctx, input, async (task) => {
        const candidates: ImportCandidate[] = [];
        const checked = await check(input, task, (c) => candidates.push(c));
        task.throwIfCancelled();
        if (candidates.length === 0) {
          throw csvError('No row can be imported; see the preview for the reasons.');
        }
        const rejected = [...checked.preview.rejected];
        let imported = 0;
        let first: string | null = null;
        let last: string | null = null;
        let cancelled = false;
        const logRun = (failed?: string) =>
          deps.write(() => {
            rejected.sort((a, b) => a.line - b.line);
            deps.recorder.record({
              event: 'clients.imported',
              params: {
                by: ctx.actor.username,
                imported,
                rejected: rejected.length,
                ...(cancelled ? { cancelled } : {}),
              },
              ctx,
              target: {
                type: 'import',
                id: ctx.correlationId,
                label: `CSV import of ${String(imported)} clients`,
              },
              details: {
                rows: checked.rows,
                imported,
                rejected: rejected.slice(0, 200),
                ignoredColumns: checked.preview.ignoredColumns,
                cancelled,
                ...(failed === undefined ? {} : { failed }),
                durationMs: task.elapsed(),
              },
            });
          });

        let next = 0;
        try {
          while (next < candidates.length) {
            if (task.signal.aborted) {
              cancelled = true;
              break;
            }
            const slice = writeSlice(candidates, next, ctx);
            next = slice.next;
            imported += slice.written.length;
            rejected.push(...slice.rejected);
            first ??= slice.written[0]?.accountNo ?? null;
            last = slice.written[slice.written.length - 1]?.accountNo ?? last;
            task.progress(next, candidates.length);
            if (next < candidates.length) await slicing.breathe();
          }
        } catch (e) {
          if (imported > 0) {
            try {
              logRun(e instanceof Error ? e.message : String(e));
            } catch {
              // The write that failed fails this one too; the slices written each carry their log.
            }
          }
          throw e;
        }
        logRun();
        return {
          ...checked.preview,
          accepted: candidates.length,
          rejected,
          imported,
          cancelled,
          firstAccountNo: first,
          lastAccountNo: last,
        };
      }),
  };
};

export type ClientImport = ReturnType<typeof createClientImport>;
