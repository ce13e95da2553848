import type { RouterError } from './router-error';

/** One row of a RouterOS reply: every value is a string in the router's own format. */
export type RawRow = Readonly<Record<string, string>>;

export type RouterTls =
  /** api-ssl without a certificate on the router: anonymous Diffie-Hellman. */
  | { mode: 'anonymous' }
  /** api-ssl with a certificate, verified against `ca` (pinning) or the system store. */
  | { mode: 'verify'; ca?: string | Buffer; servername?: string }
  /** api-ssl with any certificate (encryption without authentication). */
  | { mode: 'insecure' };

export type RouterEndpoint = {
  host: string;
  /** Defaults to 8728, or 8729 with TLS. */
  port?: number;
  /** ASCII only (node-routeros hashes the legacy login with the string length). */
  user: string;
  password: string;
  tls?: RouterTls;
  /** Bound on TCP connect + TLS + login. Default 10 s. */
  connectTimeoutMs?: number;
  /** Default bound on each command. Default 15 s. */
  commandTimeoutMs?: number;
  /**
   * node-routeros socket idle timeout in seconds (also its keepalive interval × 2 while commands
   * are pending). Default 30.
   */
  socketTimeoutSec?: number;
};

export type RunOptions = {
  /** Overrides the endpoint's command timeout. */
  timeoutMs?: number;
  signal?: AbortSignal;
};

/** The port the rest of the app uses to talk to one router. */
export type RouterClient = {
  /**
   * Runs one API command (`/ppp/secret/print`) with its attribute and query words. Resolves with
   * the `!re` rows (plus one row for `!done` data such as `ret`); rejects only with RouterError.
   */
  run(command: string, words?: readonly string[], options?: RunOptions): Promise<RawRow[]>;
  /** Rejects queued and pending calls with `closed` and closes the connection. */
  close(): Promise<void>;
};

/** One logged-in API connection (the adapter's product). */
export type RouterConnection = {
  readonly alive: boolean;
  write(words: readonly string[], timeoutMs: number): Promise<RawRow[]>;
  close(): Promise<void>;
  /** Called once when the connection dies for any reason other than `close()`. */
  onDead(listener: (error: RouterError) => void): void;
};

export type RouterConnector = (endpoint: RouterEndpoint) => Promise<RouterConnection>;

/** Injected timer source: real timers in the app, anything controllable in tests. */
export type RouterTimers = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const realTimers: RouterTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    if (handle !== undefined) clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
