/**
 * The only importer of node-routeros. Turns the library's promises, events and exceptions into a
 * {@link RouterConnection} that always settles: every connect and every command has a timeout,
 * every pending call is rejected when the connection dies, an `error` listener is attached from
 * construction, `!empty` is patched, and every failure is a {@link RouterError}.
 */
import { Channel, Connector, Receiver, RouterOSAPI, type IRosOptions } from 'node-routeros';
import type { TlsOptions } from 'node:tls';
import { patchNodeRouteros, ProtocolFault } from './node-routeros.patches';
import {
  realTimers,
  type RawRow,
  type RouterConnection,
  type RouterConnector,
  type RouterEndpoint,
  type RouterTimers,
} from './router-client.port';
import { RouterError } from './router-error';
import { connectError, messageOf, socketError } from './routeros-error-mapping';
import { firstUnencodable, isAscii } from './win1252-text';

patchNodeRouteros({ Channel, Connector, Receiver });

export const API_PORT = 8728;
export const API_SSL_PORT = 8729;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_SOCKET_TIMEOUT_SEC = 30;
/** Verified on Node 20 / OpenSSL 3: the CHANGELOG's string without `@SECLEVEL=0` fails. */
export const ADH_CLIENT_CIPHERS = 'ADH-AES256-GCM-SHA384:@SECLEVEL=0';
const CLOSE_TIMEOUT_MS = 2_000;
const PROBE_TIMEOUT_MS = 2_000;

const toRows = (data: unknown): RawRow[] => {
  if (!Array.isArray(data)) return [];
  const rows: RawRow[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const row: Record<string, string> = {};
    for (const [k, v] of Object.entries(item)) row[k] = typeof v === 'string' ? v : String(v);
    rows.push(row);
  }
  return rows;
};

/** Forcibly destroys the socket of a RouterOSAPI object (its connector is private). */
const destroySocket = (api: RouterOSAPI): void => {
  const connector: unknown = Reflect.get(api, 'connector');
  if (typeof connector !== 'object' || connector === null) return;
  const destroy: unknown = Reflect.get(connector, 'destroy');
  if (typeof destroy === 'function') {
    try {
      Reflect.apply(destroy, connector, []);
    } catch {
      // already destroyed
    }
  }
};

const tlsOptions = (endpoint: RouterEndpoint): TlsOptions | undefined => {
  const t = endpoint.tls;
  if (!t) return undefined;
  switch (t.mode) {
    case 'anonymous':
      return { ciphers: ADH_CLIENT_CIPHERS, rejectUnauthorized: false };
    case 'insecure':
      return { rejectUnauthorized: false };
    case 'verify': {
      const options: TlsOptions & { servername?: string } = {
        rejectUnauthorized: true,
        ...(t.ca === undefined ? {} : { ca: t.ca }),
        ...(t.servername === undefined ? {} : { servername: t.servername }),
      };
      return options;
    }
  }
};

/** The library options for an endpoint: explicit port (8729 with TLS), string credentials. */
export const routerOsOptions = (endpoint: RouterEndpoint): IRosOptions => {
  const tls = tlsOptions(endpoint);
  return {
    host: endpoint.host,
    port: endpoint.port ?? (tls ? API_SSL_PORT : API_PORT),
    user: endpoint.user,
    password: endpoint.password,
    timeout: endpoint.socketTimeoutSec ?? DEFAULT_SOCKET_TIMEOUT_SEC,
    keepalive: false,
    ...(tls ? { tls } : {}),
  };
};

type Pending = { reject: (e: RouterError) => void };

class NodeRouterosConnection implements RouterConnection {
  private readonly pending = new Set<Pending>();
  private deadError: RouterError | null = null;
  private closing = false;
  private deadListeners: ((e: RouterError) => void)[] = [];

  constructor(
    private readonly api: RouterOSAPI,
    private readonly timers: RouterTimers,
    tls: boolean,
  ) {
    api.on('error', (e: unknown) => {
      this.die(
        e instanceof ProtocolFault
          ? new RouterError('protocol', e.message, {}, { cause: e })
          : socketError(e, tls),
      );
    });
    api.on('close', () => {
      this.die(
        new RouterError('unreachable', 'the router closed the connection', { reason: 'closed' }),
      );
    });
  }

  get alive(): boolean {
    return this.deadError === null && !this.closing;
  }

  onDead(listener: (error: RouterError) => void): void {
    this.deadListeners.push(listener);
  }

  private die(error: RouterError): void {
    if (this.deadError) return;
    this.deadError = error;
    destroySocket(this.api);
    // Replies parsed from the same chunk as the close may already have resolved node-routeros'
    // promises; their callbacks are queued microtasks. Let them settle first, then reject the rest.
    setImmediate(() => {
      for (const p of [...this.pending]) p.reject(error);
      this.pending.clear();
    });
    if (this.closing) return;
    for (const l of this.deadListeners) l(error);
  }

  write(words: readonly string[], timeoutMs: number): Promise<RawRow[]> {
    return this.send(words, timeoutMs, true);
  }

  private send(words: readonly string[], timeoutMs: number, probe: boolean): Promise<RawRow[]> {
    if (this.deadError) return Promise.reject(this.deadError);
    if (this.closing) return Promise.reject(new RouterError('closed', 'the connection is closing'));
    const [command = ''] = words;
    for (const w of words) {
      const bad = firstUnencodable(w);
      if (bad !== undefined) {
        return Promise.reject(
          new RouterError(
            'invalid_request',
            `the character ${JSON.stringify(bad)} cannot be sent to the router (Windows-1252 only)`,
            { command },
          ),
        );
      }
    }
    return new Promise<RawRow[]>((resolve, reject) => {
      const params = [...words]; // node-routeros appends `.tag=` to the array it is given
      let settled = false;
      const entry: Pending = {
        reject: (e) => {
          if (settled) return;
          settled = true;
          this.timers.clearTimeout(timer);
          reject(e);
        },
      };
      const timer = this.timers.setTimeout(() => {
        entry.reject(
          new RouterError('timeout', `no reply to ${command} within ${timeoutMs} ms`, { command }),
        );
        this.pending.delete(entry);
        const tag = params.find((p) => p.startsWith('.tag='));
        if (tag && probe) this.probe(tag.slice(5), Math.min(PROBE_TIMEOUT_MS, timeoutMs));
      }, timeoutMs);
      this.pending.add(entry);
      let result: Promise<unknown>;
      try {
        result = this.api.write(params);
      } catch (e) {
        this.pending.delete(entry);
        entry.reject(new RouterError('protocol', messageOf(e), { command }, { cause: e }));
        return;
      }
      result.then(
        (data) => {
          this.pending.delete(entry);
          if (settled) return;
          settled = true;
          this.timers.clearTimeout(timer);
          resolve(toRows(data));
        },
        (e: unknown) => {
          this.pending.delete(entry);
          const message = messageOf(e);
          entry.reject(
            new RouterError('trap', message, { command, routerMessage: message }, { cause: e }),
          );
        },
      );
    });
  }

  /**
   * After a command timed out: cancel it on the router. If even that gets no answer, the
   * router (or the link) is gone and the connection is dropped.
   */
  private probe(tag: string, timeoutMs: number): void {
    if (!this.alive) return;
    this.send(['/cancel', `=tag=${tag}`], timeoutMs, false).then(
      (rows) => {
        // `/cancel` carries no data; rows mean replies were routed to the wrong command.
        if (rows.length > 0) {
          this.die(
            new RouterError('protocol', 'replies out of step after a timeout', {
              reason: 'desync',
            }),
          );
        }
      },
      (e: unknown) => {
        if (e instanceof RouterError && e.kind === 'timeout') {
          this.die(
            new RouterError('unreachable', 'the router stopped answering', { reason: 'no-reply' }),
          );
        }
      },
    );
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const closed = new RouterError('closed', 'the connection was closed');
    for (const p of [...this.pending]) p.reject(closed);
    this.pending.clear();
    if (this.deadError) return;
    await new Promise<void>((resolve) => {
      const timer = this.timers.setTimeout(() => {
        destroySocket(this.api);
        resolve();
      }, CLOSE_TIMEOUT_MS);
      this.api.close().then(
        () => {
          this.timers.clearTimeout(timer);
          resolve();
        },
        () => {
          this.timers.clearTimeout(timer);
          destroySocket(this.api);
          resolve();
        },
      );
    });
    this.deadError = closed;
  }
}

export type AdapterDeps = { timers?: RouterTimers };

/** Opens and logs in one API connection; rejects only with RouterError. */
export const connectRouterOs =
  (deps: AdapterDeps = {}): RouterConnector =>
  (endpoint) => {
    const timers = deps.timers ?? realTimers;
    const tls = endpoint.tls !== undefined;
    if (!isAscii(endpoint.user) || !isAscii(endpoint.password)) {
      return Promise.reject(
        new RouterError('auth_failed', 'API user names and passwords must be printable ASCII', {
          reason: 'non-ascii-credentials',
        }),
      );
    }
    const api = new RouterOSAPI(routerOsOptions(endpoint));
    // node-routeros routes errors before login into the connect() rejection; this listener only
    // guarantees that an 'error' event can never be unhandled.
    const earlyError = (): void => undefined;
    api.on('error', earlyError);
    const timeoutMs = endpoint.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    return new Promise<RouterConnection>((resolve, reject) => {
      let settled = false;
      const fail = (e: RouterError): void => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(timer);
        api.off('close', onClose);
        destroySocket(api);
        reject(e);
      };
      const onClose = (): void => {
        fail(
          new RouterError('unreachable', 'the router closed the connection during login', {
            reason: 'closed',
          }),
        );
      };
      const timer = timers.setTimeout(() => {
        fail(
          new RouterError('unreachable', `no login reply within ${timeoutMs} ms`, {
            reason: 'connect-timeout',
          }),
        );
      }, timeoutMs);
      api.once('close', onClose);
      api.connect().then(
        () => {
          if (settled) {
            destroySocket(api);
            return;
          }
          settled = true;
          timers.clearTimeout(timer);
          api.off('close', onClose);
          const conn = new NodeRouterosConnection(api, timers, tls);
          api.off('error', earlyError);
          resolve(conn);
        },
        (e: unknown) => fail(connectError(e, tls)),
      );
    });
  };
