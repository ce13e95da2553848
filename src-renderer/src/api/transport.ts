import type { DownloadName, EventName, ProcedureName } from '@contract/channels';
import type { Result } from '@contract/errors';

/** What happened to a download once the transport handled it. */
export type DownloadOutcome =
  /** Electron: the main process wrote the file where the user chose. */
  | { kind: 'saved'; path: string }
  /** Browser: the file was handed to the browser's download manager under this name. */
  | { kind: 'downloaded'; filename: string }
  /** Electron: the user closed the save dialog; browser: the download was aborted. */
  | { kind: 'cancelled' };

/** Optional extras for a download. */
export type DownloadOptions = {
  /**
   * Browser: called with every piece of the file body as it arrives (for progress). Electron
   * writes the file in the main process and reports progress through `task.progress` instead.
   */
  onChunk?: (chunk: Uint8Array) => void;
  /** Browser: aborting stops the transfer and the download resolves as `cancelled`. */
  signal?: AbortSignal;
};

/**
 * The edge between the renderer and ISP Desk's main side. Two implementations: IPC through the
 * preload bridge (Electron) and HTTP to the headless server (browser). Both speak Result envelopes
 * and never throw: failures of the transport itself come back as `{ ok: false }` too.
 */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: ProcedureName, input: unknown): Promise<Result<unknown>>;
  download(
    name: DownloadName,
    input: unknown,
    options?: DownloadOptions,
  ): Promise<Result<DownloadOutcome>>;
  /** Listens to a server event; returns the function that stops listening. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}
