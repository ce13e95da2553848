import type { DownloadName, EventName, ProcedureName } from './channels';
import type { Result } from './errors';

/**
 * What the preload exposes as `window.ispdesk` in Electron. The browser build talks HTTP instead
 * (POST /api/<name>, GET /api/events); both give the renderer the same Result envelopes.
 */
export type IspDeskBridge = {
  call: Record<ProcedureName, (input: unknown) => Promise<Result<unknown>>>;
  /** Asks where to save, then writes the file; resolves with the saved path, or null if cancelled. */
  download: Record<DownloadName, (input: unknown) => Promise<Result<{ path: string } | null>>>;
  on: (event: EventName, listener: (payload: unknown) => void) => () => void;
  /** Saves the current page (e.g. a receipt, with its print stylesheet) as a PDF file. */
  savePdf: (fileName: string) => Promise<Result<{ path: string } | null>>;
};
