import type { DownloadName, EventName, ProcedureName } from '@contract/channels';
import type { Result } from '@contract/errors';
import { UNREACHABLE_MESSAGE, codeForStatus, failure, toEnvelope } from './envelope';
import type { DownloadOptions, DownloadOutcome, Transport } from './transport';

export type HttpTransportOptions = {
  /** Prefix of every API path; the headless server serves the API at `/api` on the same origin. */
  baseUrl?: string;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** Creates the Server-Sent Events connection; injectable for tests. */
  createEventSource?: (url: string) => EventSource;
  /** Saves a downloaded file; by default clicks a temporary `<a download>` link. */
  saveBlob?: (blob: Blob, filename: string) => void;
  /** Delay before reopening the event stream after the server closed it. */
  reconnectDelayMs?: number;
};

const HEADERS = { 'Content-Type': 'application/json', 'X-ISPDesk': '1' } as const;

const isJson = (response: Response) =>
  (response.headers.get('Content-Type') ?? '').toLowerCase().includes('application/json');

/** Reads the filename from a Content-Disposition header (RFC 6266, plain or `filename*=`). */
export const filenameFromDisposition = (header: string | null, fallback: string): string => {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed escape: fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  // Never trust a path from the server: keep only the last segment.
  const safe = name.split(/[\\/]/).pop() ?? '';
  return safe === '' ? fallback : safe;
};

export const saveBlobWithLink = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

async function readEnvelope(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(
      codeForStatus(response.status),
      `The server answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  return toEnvelope(body);
}

/**
 * Reads a file body piece by piece, telling `onChunk` about each one (for progress), and hands
 * back the whole file as a Blob for the browser to save.
 */
async function readBody(
  response: Response,
  onChunk: ((chunk: Uint8Array) => void) | undefined,
): Promise<Blob> {
  // Without a progress listener the browser reads the body itself.
  const type = response.headers.get('Content-Type') ?? '';
  if (!onChunk || !response.body) return response.blob();
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A copy with its own ArrayBuffer, which is what Blob accepts.
    const part = new Uint8Array(value);
    parts.push(part);
    onChunk(part);
  }
  return new Blob(parts, { type });
}

type Listener = (payload: unknown) => void;

/** The browser transport: `POST /api/<name>` for calls and downloads, SSE for events. */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = options.baseUrl ?? '/api';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createEventSource = options.createEventSource ?? ((url) => new EventSource(url));
  const saveBlob = options.saveBlob ?? saveBlobWithLink;
  const reconnectDelayMs = options.reconnectDelayMs ?? 5_000;

  const post = (name: string, input: unknown, signal?: AbortSignal) =>
    doFetch(`${baseUrl}/${name}`, {
      method: 'POST',
      headers: HEADERS,
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
      ...(signal ? { signal } : {}),
    });

  async function call(name: ProcedureName, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await post(name, input);
    } catch {
      return failure('unavailable', UNREACHABLE_MESSAGE);
    }
    return readEnvelope(response);
  }

  async function download(
    name: DownloadName,
    input: unknown,
    options: DownloadOptions = {},
  ): Promise<Result<DownloadOutcome>> {
    const { signal, onChunk } = options;
    const cancelled: Result<DownloadOutcome> = { ok: true, value: { kind: 'cancelled' } };
    let response: Response;
    try {
      response = await post(name, input, signal);
    } catch {
      if (signal?.aborted) return cancelled;
      return failure('unavailable', UNREACHABLE_MESSAGE);
    }
    if (!response.ok || isJson(response)) {
      const envelope = await readEnvelope(response);
      if (!envelope.ok) return envelope;
      return failure('internal', 'The server did not send a file.');
    }
    const fallback = `${name.replace(/\W+/g, '-')}.dat`;
    const filename = filenameFromDisposition(response.headers.get('Content-Disposition'), fallback);
    let blob: Blob;
    try {
      blob = await readBody(response, onChunk);
    } catch {
      if (signal?.aborted) return cancelled;
      return failure('unavailable', 'The download was interrupted.');
    }
    saveBlob(blob, filename);
    return { ok: true, value: { kind: 'downloaded', filename } };
  }

  // One shared EventSource for all listeners, opened on the first subscription and closed with
  // the last one. The server ends the stream when the session ends; we then retry after a delay.
  const listeners = new Map<EventName, Set<Listener>>();
  const attached = new Set<EventName>();
  let source: EventSource | null = null;
  let retry: number | undefined;

  const listenerCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  const dispatch = (event: EventName, message: MessageEvent<unknown>) => {
    let payload: unknown = null;
    if (typeof message.data === 'string' && message.data !== '') {
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  const attach = (event: EventName) => {
    if (!source || attached.has(event)) return;
    attached.add(event);
    source.addEventListener(event, (message) => dispatch(event, message));
  };

  const open = () => {
    if (source || listenerCount() === 0) return;
    const es = createEventSource(`${baseUrl}/events`);
    source = es;
    attached.clear();
    for (const event of listeners.keys()) attach(event);
    es.onerror = () => {
      if (es.readyState !== 2 /* CLOSED */) return; // the browser reconnects by itself
      es.close();
      if (source === es) source = null;
      window.clearTimeout(retry);
      retry = window.setTimeout(open, reconnectDelayMs);
    };
  };

  const close = () => {
    window.clearTimeout(retry);
    source?.close();
    source = null;
    attached.clear();
  };

  function subscribe(event: EventName, listener: Listener): () => void {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    if (source) attach(event);
    else open();
    return () => {
      listeners.get(event)?.delete(listener);
      if (listenerCount() === 0) close();
    };
  }

  return { kind: 'http', call, download, subscribe };
}
