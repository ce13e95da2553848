import {
  realTimers,
  type RawRow,
  type RouterClient,
  type RouterConnection,
  type RouterConnector,
  type RouterEndpoint,
  type RouterTimers,
  type RunOptions,
} from './router-client.port';
import { RouterError } from './router-error';

export const DEFAULT_COMMAND_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_CONCURRENT = 4;
export const DEFAULT_IDLE_CLOSE_MS = 20_000;

export type RouterSessionOptions = {
  connector: RouterConnector;
  timers?: RouterTimers;
  /** Commands in flight at once on the router's connection; the rest wait in order. */
  maxConcurrent?: number;
  /** Close the connection after this long without calls (below the socket idle timeout). */
  idleCloseMs?: number;
};

type Waiter = { grant: () => void; fail: (e: RouterError) => void };

const closedError = (): RouterError => new RouterError('closed', 'the router client was closed');

/**
 * The client for one router: one connection reused across calls, at most `maxConcurrent`
 * commands in flight, a new connection after the old one died, and a clean close. Every call
 * settles: queued calls within their timeout, connects within the connect timeout, commands within
 * the command timeout, and everything at once on `close()`.
 */
export class RouterSession implements RouterClient {
  private connection: RouterConnection | null = null;
  private connecting: Promise<RouterConnection> | null = null;
  private active = 0;
  private readonly waiters: Waiter[] = [];
  private closed = false;
  private idleTimer: unknown = undefined;
  private readonly timers: RouterTimers;
  private readonly maxConcurrent: number;

  constructor(
    private readonly endpoint: RouterEndpoint,
    private readonly options: RouterSessionOptions,
  ) {
    this.timers = options.timers ?? realTimers;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  }

  get connected(): boolean {
    return this.connection?.alive === true;
  }

  async run(
    command: string,
    words: readonly string[] = [],
    options: RunOptions = {},
  ): Promise<RawRow[]> {
    if (this.closed) throw closedError();
    if (options.signal?.aborted)
      throw new RouterError('closed', 'the call was aborted', { command });
    const timeoutMs =
      options.timeoutMs ?? this.endpoint.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.cancelIdle();
    await this.acquire(command, timeoutMs);
    try {
      const conn = await this.ensureConnection();
      if (options.signal?.aborted)
        throw new RouterError('closed', 'the call was aborted', { command });
      const write = conn.write([command, ...words], timeoutMs);
      return await (options.signal ? this.abortable(write, options.signal, command) : write);
    } finally {
      this.release();
    }
  }

  private abortable(p: Promise<RawRow[]>, signal: AbortSignal, command: string): Promise<RawRow[]> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void =>
        reject(new RouterError('closed', 'the call was aborted', { command }));
      signal.addEventListener('abort', onAbort, { once: true });
      p.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  private acquire(command: string, timeoutMs: number): Promise<void> {
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          this.timers.clearTimeout(timer);
          this.active += 1;
          resolve();
        },
        fail: (e) => {
          this.timers.clearTimeout(timer);
          reject(e);
        },
      };
      const timer = this.timers.setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(
          new RouterError('timeout', `${command} waited ${timeoutMs} ms for a free slot`, {
            command,
            reason: 'queue',
          }),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private release(): void {
    this.active -= 1;
    const next = this.waiters.shift();
    if (next) next.grant();
    else if (this.active === 0) this.scheduleIdle();
  }

  private ensureConnection(): Promise<RouterConnection> {
    if (this.closed) return Promise.reject(closedError());
    if (this.connection?.alive) return Promise.resolve(this.connection);
    this.connection = null;
    if (!this.connecting) {
      const attempt = this.options.connector(this.endpoint).then(
        (conn) => {
          this.connecting = null;
          if (this.closed) {
            void conn.close();
            throw closedError();
          }
          this.connection = conn;
          conn.onDead(() => {
            if (this.connection === conn) this.connection = null;
          });
          return conn;
        },
        (e: unknown) => {
          this.connecting = null;
          throw e instanceof RouterError
            ? e
            : new RouterError('unreachable', String(e), {}, { cause: e });
        },
      );
      this.connecting = attempt;
    }
    return this.connecting;
  }

  private scheduleIdle(): void {
    const ms = this.options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
    if (this.closed || ms <= 0 || !this.connection) return;
    this.cancelIdle();
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = undefined;
      const conn = this.connection;
      if (this.active > 0 || !conn) return;
      this.connection = null;
      void conn.close();
    }, ms);
  }

  private cancelIdle(): void {
    if (this.idleTimer !== undefined) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Rejects waiting calls, then closes the connection (pending commands reject with `closed`). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cancelIdle();
    for (const w of this.waiters.splice(0)) w.fail(closedError());
    const connecting = this.connecting;
    if (connecting)
      await connecting.then(
        (c) => c.close(),
        () => undefined,
      );
    const conn = this.connection;
    this.connection = null;
    if (conn) await conn.close();
  }
}
