import { api, events } from '@contract/api';
import type { DownloadIn, EventPayload, In, Out } from '@contract/api';
import type { IspDeskBridge } from '@contract/bridge';
import type { DownloadName, EventName, ProcedureName } from '@contract/channels';
import { ApiError } from './api-error';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { DownloadOptions, DownloadOutcome, Transport } from './transport';

/** Inputs that may be left out entirely (procedures taking no input) become optional arguments. */
export type CallArgs<K extends ProcedureName> =
  undefined extends In<K> ? [input?: In<K>] : [input: In<K>];

export type ApiClient = {
  readonly transport: Transport;
  /** Calls a procedure; resolves with its value or throws an `ApiError`. */
  call<K extends ProcedureName>(name: K, ...args: CallArgs<K>): Promise<Out<K>>;
  /** Runs a download; resolves with what happened to the file or throws an `ApiError`. */
  download<K extends DownloadName>(
    name: K,
    input: DownloadIn<K>,
    options?: DownloadOptions,
  ): Promise<DownloadOutcome>;
  /** Listens to a server event (payloads that do not match the contract are dropped). */
  subscribe<K extends EventName>(
    event: K,
    listener: (payload: EventPayload<K>) => void,
  ): () => void;
  /** Called whenever any call fails because the session is missing or has ended. */
  onUnauthenticated(listener: (error: ApiError) => void): () => void;
};

export function createApiClient(transport: Transport): ApiClient {
  const unauthenticated = new Set<(error: ApiError) => void>();

  const fail = (code: ApiError['code'], message: string, details?: unknown): never => {
    const error = new ApiError(code, message, details);
    if (code === 'unauthenticated') for (const listener of [...unauthenticated]) listener(error);
    throw error;
  };

  return {
    transport,

    async call<K extends ProcedureName>(name: K, ...args: CallArgs<K>): Promise<Out<K>> {
      const result = await transport.call(name, args[0]);
      if (!result.ok) return fail(result.error.code, result.error.message, result.error.details);
      // The contract's output schema is the trust boundary on this side too.
      const parsed = api[name].output.safeParse(result.value);
      if (!parsed.success) {
        console.error(`Unexpected output from ${name}`, parsed.error.issues);
        return fail('internal', 'The server sent an unexpected response.');
      }
      return parsed.data as Out<K>;
    },

    async download<K extends DownloadName>(
      name: K,
      input: DownloadIn<K>,
      options?: DownloadOptions,
    ) {
      const result = await transport.download(name, input, options);
      if (!result.ok) return fail(result.error.code, result.error.message, result.error.details);
      return result.value;
    },

    subscribe<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void) {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<K>);
      });
    },

    onUnauthenticated(listener) {
      unauthenticated.add(listener);
      return () => unauthenticated.delete(listener);
    },
  };
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (exposed by the preload). */
    ispdesk?: IspDeskBridge;
  }
}

/** Electron exposes `window.ispdesk`; anywhere else we are a page served by the headless server. */
export function pickTransport(): Transport {
  const bridge = typeof window === 'undefined' ? undefined : window.ispdesk;
  return bridge ? createIpcTransport(bridge) : createHttpTransport();
}
