import type { VerifyResult } from '../../contract/schemas/activity';
import type { ErrorCode } from '../../contract/errors';
import type { ScopedFilter } from '../activity/search-plan';
import type { ChainHead } from '../backup/verify-backup';
import type { ArchiveCopyRequest } from '../activity/archive-copy';
import type { ClientFilter } from '../../contract/schemas/clients';
import type { CheckedImport } from '../clients/client-import-check';
import type { BundleRequest, BundleResult } from '../evidence/bundle-writer';

export type ExportFormat = 'csv' | 'ndjson';

/** The long jobs that run on a task thread, each with its own connection to a database file. */
export type TaskRequest =
  /** The hash chain of the live log or an archive (and, for a fresh archive, quick_check). */
  | { kind: 'verify'; file: string; quickCheck?: boolean }
  /**
   * Every entry matching `filter`, newest first, as CSV or NDJSON text in chunks; times in the
   * office's `timeZone` (the task thread does not know the office).
   */
  | { kind: 'export'; file: string; filter: ScopedFilter; format: ExportFormat; timeZone: string }
  /** An online copy of the database into `target`, made one file and checked (see backup/). */
  | { kind: 'backup'; file: string; target: string; head: ChainHead | null }
  /** A retention run's entries copied from the live log into a new archive file. */
  | ({ kind: 'archiveCopy' } & ArchiveCopyRequest)
  /** Every client matching `filter` (as of `now`) as CSV text in chunks (client-export-csv.ts). */
  | { kind: 'clientsExport'; file: string; filter: ClientFilter; now: number; timeZone: string }
  /**
   * A clients CSV import checked row by row (client-import-check.ts); with `withAccepted`, the
   * accepted rows as chunks of JSON, for the commit.
   */
  | { kind: 'clientsCheck'; file: string; csv: string; timeZone: string; withAccepted: boolean }

  /** An evidence bundle written into `target` (see core/evidence). */
  | ({ kind: 'bundle' } & BundleRequest);

export type TaskResults = {
  verify: { result: VerifyResult; quickCheck: string | null };
  export: { rows: number };
  backup: { bytes: number };
  archiveCopy: { entries: number };
  clientsExport: { rows: number };
  clientsCheck: CheckedImport;
  bundle: BundleResult;
};
export type TaskKind = TaskRequest['kind'];
export type TaskRequestOf<K extends TaskKind> = Extract<TaskRequest, { kind: K }>;

/** What a task thread is started with. */
export type TaskWorkerData = { request: TaskRequest; nativeBinding?: string };

/** From the task thread: progress, a chunk of output (answered with `ack`), the end. */
export type TaskMessage =
  | { type: 'progress'; done: number }
  | { type: 'chunk'; text: string }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: { code: ErrorCode; message: string; details?: unknown } };

/** To the task thread: the last chunk was taken, send the next. */
export type TaskAck = { type: 'ack' };
