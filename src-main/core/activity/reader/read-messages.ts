import type { ErrorCode } from '../../../contract/errors';
import { AppError, isAppError } from '../../shared/app-error';
import type { ReadRequest } from './log-reads';

/** What a reader thread is started with. */
export type ReaderWorkerData = {
  file: string;
  archivesDir: string;
  nativeBinding?: string;
  /** Milliseconds a text-filtered histogram or facet count may take (see TextBudget). */
  textBudgetMs?: number;
};

/** One read sent to a reader thread, with the main thread's clock reading. */
export type ReadMessage = { id: number; now: number; request: ReadRequest };
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

/** Errors cross the thread boundary as data: expected ones keep their code and message. */
export const replyError = (id: number, e: unknown): ReadReply =>
  isAppError(e)
    ? { id, ok: false, error: { code: e.code, message: e.message, details: e.details } }
    : {
        id,
        ok: false,
        error: { code: 'internal', message: e instanceof Error ? e.message : String(e) },
      };

export const errorFromReply = (error: { code: ErrorCode; message: string; details?: unknown }) =>
  error.code === 'internal'
    ? new Error(`activity reader: ${error.message}`)
    : new AppError(error.code, error.message, error.details);
