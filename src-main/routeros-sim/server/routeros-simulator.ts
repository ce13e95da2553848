import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { messagesFor, type SimMessages } from '../engine/messages';
import {
  PROFILES,
  type EmptyReplyMode,
  type LoginMethod,
  type VersionName,
} from '../engine/profiles';
import { seededRandom, type SeededRandom } from '../../domain/seeded-random';
import { RouterState, type SessionInput } from '../engine/router-state';
import type { SeedUser } from '../engine/seed-data';
import { createManualClock, type SimClock } from '../engine/sim-clock';
import { ApiConnection, type ConnectionHost } from './api-connection';
import { defaultFaults, takeMatch, type FaultConfig } from './fault-config';
import { ADH_SERVER_OPTIONS } from './tls-options';

export type ApiSslMode = 'none' | 'adh' | { key: string | Buffer; cert: string | Buffer };

export type SimulatorOptions = {
  version?: VersionName;
  seed?: number;
  /** Defaults to a frozen manual clock; demo mode passes the real clock. */
  clock?: SimClock;
  identity?: string;
  users?: readonly SeedUser[];
  data?: 'isp' | 'minimal';
  /** Plain API port; 0 picks a free one. */
  port?: number;
  apiSsl?: ApiSslMode;
  sslPort?: number;
  faults?: Partial<FaultConfig>;
  messages?: Partial<SimMessages>;
  /** Keep a log of sent sentences in `sent` (off by default). */
  logSent?: boolean;
};

export type LoggedSentence = { connection: number; at: number; words: readonly string[] };

export type ConnectionInfo = { index: number; tls: boolean; user: string | null; peer: string };

export const DEFAULT_USERS: readonly SeedUser[] = [{ name: 'admin', password: '', group: 'full' }];

const HOST = '127.0.0.1';

type Listener = { server: Server; port: number; tls: boolean };

/**
 * One simulated MikroTik router on loopback: the plain API and optionally API-SSL, a version
 * profile, seeded data, sessions, a reboot, and fault knobs (reference §7).
 */
export class RouterOsSimulator {
  readonly events = new EventEmitter();
  readonly received: LoggedSentence[] = [];
  readonly sent: LoggedSentence[] = [];
  readonly clock: SimClock;
  state: RouterState;
  private faultConfig: FaultConfig;
  private faultRngValue: SeededRandom;
  private readonly listeners: Listener[] = [];
  private readonly open = new Map<ApiConnection, ConnectionInfo>();
  private readonly sockets = new Set<Socket>();
  private accepted = 0;
  private running = false;
  private rebooting: Promise<void> | null = null;
  private readonly messages: SimMessages;
  private readonly version: VersionName;
  private seed: number;

  constructor(private readonly opts: SimulatorOptions = {}) {
    this.version = opts.version ?? '7.19';
    this.seed = opts.seed ?? 1;
    this.clock = opts.clock ?? createManualClock();
    this.messages = messagesFor(this.version, opts.messages);
    this.state = this.buildState(this.seed);
    this.faultConfig = { ...defaultFaults(), ...cloneFaults(opts.faults ?? {}) };
    this.faultRngValue = seededRandom(this.seed ^ 0x5eed);
    this.events.setMaxListeners(100);
  }

  private buildState(seed: number): RouterState {
    return new RouterState({
      profile: PROFILES[this.version],
      messages: this.messages,
      seed,
      clock: this.clock,
      identity: this.opts.identity ?? 'MikroTik',
      users: this.opts.users ?? DEFAULT_USERS,
      data: this.opts.data ?? 'isp',
    });
  }

  get profileName(): VersionName {
    return this.version;
  }

  get faults(): Readonly<FaultConfig> {
    return this.faultConfig;
  }

  /** The plain API port (after start). */
  get port(): number {
    return this.listeners.find((l) => !l.tls)?.port ?? 0;
  }

  /** The API-SSL port (after start, when enabled). */
  get sslPort(): number {
    return this.listeners.find((l) => l.tls)?.port ?? 0;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const plain = createServer({ allowHalfOpen: false }, (s) => this.accept(s, false));
    this.listeners.push({ server: plain, port: this.opts.port ?? 0, tls: false });
    const ssl = this.opts.apiSsl ?? 'none';
    if (ssl !== 'none') {
      const options = ssl === 'adh' ? ADH_SERVER_OPTIONS : { key: ssl.key, cert: ssl.cert };
      const server = createTlsServer(options, (s: TLSSocket) => this.accept(s, true));
      server.on('tlsClientError', () => undefined);
      this.listeners.push({ server, port: this.opts.sslPort ?? 0, tls: true });
    }
    if (!this.faultConfig.refuse) await this.listenAll();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const c of [...this.open.keys()]) c.destroy();
    for (const s of this.sockets) s.destroy();
    await this.closeListeners();
    if (this.rebooting) await this.rebooting.catch(() => undefined);
  }

  private async listenAll(): Promise<void> {
    for (const l of this.listeners) {
      if (l.server.listening) continue;
      await new Promise<void>((resolve, reject) => {
        l.server.once('error', reject);
        l.server.listen(l.port, HOST, () => {
          l.server.off('error', reject);
          const addr = l.server.address();
          if (addr && typeof addr === 'object') l.port = addr.port;
          resolve();
        });
      });
    }
  }

  private async closeListeners(): Promise<void> {
    await Promise.all(
      this.listeners
        .filter((l) => l.server.listening)
        .map((l) => new Promise<void>((resolve) => l.server.close(() => resolve()))),
    );
  }

  // --- faults ----------------------------------------------------------------------------------

  /** Changes fault knobs at runtime (refuse starts/stops listening). */
  async setFaults(patch: Partial<FaultConfig>): Promise<void> {
    this.faultConfig = { ...this.faultConfig, ...cloneFaults(patch) };
    await this.applyRefuse();
  }

  async clearFaults(): Promise<void> {
    this.faultConfig = defaultFaults();
    await this.applyRefuse();
  }

  private async applyRefuse(): Promise<void> {
    if (!this.running || this.rebooting) return;
    if (this.faultConfig.refuse) await this.closeListeners();
    else await this.listenAll();
  }

  // --- connections -----------------------------------------------------------------------------

  /** Drops every open API connection at once (a cable pulled); listening is unchanged. */
  disconnectAll(): void {
    for (const c of [...this.open.keys()]) c.destroy();
    for (const s of this.sockets) s.destroy();
  }

  connections(): ConnectionInfo[] {
    return [...this.open.entries()].map(([c, info]) => ({ ...info, user: c.loggedInAs }));
  }

  private accept(socket: Socket, tls: boolean): void {
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    this.accepted += 1;
    const index = this.accepted;
    const f = this.faultConfig;
    const connFault = f.connections.find((c) => takeMatch(c, null, index, this.faultRngValue));
    if (connFault?.kind === 'acceptThenClose') {
      socket.resume();
      socket.end();
      return;
    }
    if (connFault?.kind === 'acceptThenReset') {
      socket.resetAndDestroy();
      return;
    }
    if (f.maxSessions !== null && this.open.size >= f.maxSessions) {
      socket.resume();
      socket.end();
      return;
    }
    if (connFault?.kind === 'silent') {
      socket.on('data', () => undefined);
      const info: ConnectionInfo = { index, tls, user: null, peer: socket.remoteAddress ?? '' };
      const silent = new ApiConnection(index, socket, this.silentHost(), () => {
        this.open.delete(silent);
      });
      this.open.set(silent, info);
      return;
    }
    const info: ConnectionInfo = { index, tls, user: null, peer: socket.remoteAddress ?? '' };
    const conn = new ApiConnection(index, socket, this.host(), () => {
      this.open.delete(conn);
      this.events.emit('disconnect', info);
    });
    this.open.set(conn, info);
    this.events.emit('connection', info);
  }

  private host(): ConnectionHost {
    // Getters: knobs changed at runtime apply to open connections too.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- read through getters below
    const sim = this;
    return {
      get state() {
        return sim.state;
      },
      get faults() {
        return sim.faultConfig;
      },
      get faultRng() {
        return sim.faultRngValue;
      },
      loginMethod: (): LoginMethod => this.faultConfig.login ?? PROFILES[this.version].login,
      emptyReply: (): EmptyReplyMode =>
        this.faultConfig.emptyReply ?? PROFILES[this.version].emptyReply,
      record: (connection, words) => {
        const entry = { connection, at: this.clock.now(), words };
        this.received.push(entry);
        this.events.emit('sentence', entry);
      },
      recordSent: (connection, words) => {
        if (this.opts.logSent) this.sent.push({ connection, at: this.clock.now(), words });
      },
      reboot: (downMs) => {
        void this.rebootNow({ downMs });
      },
    };
  }

  /** A host whose connection ignores everything: the `silent` knob. */
  private silentHost(): ConnectionHost {
    const h = this.host();
    const faults: FaultConfig = {
      ...this.faultConfig,
      commands: [{ fault: { kind: 'hang' } }],
      maxPreLoginSentences: Number.MAX_SAFE_INTEGER,
      keepaliveReply: 'ignore',
    };
    return {
      state: h.state,
      faults,
      faultRng: h.faultRng,
      loginMethod: () => h.loginMethod(),
      emptyReply: () => h.emptyReply(),
      record: () => undefined,
      recordSent: () => undefined,
      reboot: () => undefined,
    };
  }

  // --- state -----------------------------------------------------------------------------------

  /** Fresh seeded data (connections stay open). */
  reset(seed = this.seed): void {
    this.seed = seed;
    this.state = this.buildState(seed);
    this.faultRngValue = seededRandom(seed ^ 0x5eed);
    this.received.length = 0;
    this.sent.length = 0;
  }

  /** Moves a manual clock (if it is one) and expires timed entries. */
  advance(ms: number): void {
    const clock = this.clock as Partial<{ advance(ms: number): void }>;
    if (typeof clock.advance !== 'function') throw new Error('the simulator clock is not manual');
    clock.advance(ms);
    this.state.expire();
  }

  pppConnect(name: string, input?: SessionInput): void {
    this.state.pppConnect(name, input);
  }

  pppDisconnect(name: string, reason?: string): void {
    this.state.pppDisconnect(name, reason);
  }

  hotspotLogin(user: string, input?: { address?: string; mac?: string }): void {
    this.state.hotspotLogin(user, input);
  }

  hotspotLogout(user: string): void {
    this.state.hotspotLogout(user);
  }

  /**
   * Drops every connection, refuses connections for `downMs`, then comes back with uptime reset
   * and dynamic state cleared. Resolves when the router is up again.
   */
  rebootNow({ downMs = 200 }: { downMs?: number } = {}): Promise<void> {
    if (this.rebooting) return this.rebooting;
    const run = async (): Promise<void> => {
      this.events.emit('reboot', { phase: 'down' });
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const c of [...this.open.keys()]) c.destroy();
      for (const s of this.sockets) s.destroy();
      await this.closeListeners();
      this.state.reboot();
      this.events.emit('reboot', { phase: 'off' });
      await new Promise<void>((resolve) => setTimeout(resolve, downMs));
      if (this.running && !this.faultConfig.refuse) await this.listenAll();
      this.events.emit('reboot', { phase: 'up' });
    };
    this.rebooting = run().finally(() => {
      this.rebooting = null;
    });
    return this.rebooting;
  }

  /** Resolves with the first received sentence (from now on) that satisfies `predicate`. */
  nextSentence(predicate: (s: LoggedSentence) => boolean): Promise<LoggedSentence> {
    return new Promise((resolve) => {
      const on = (s: LoggedSentence): void => {
        if (!predicate(s)) return;
        this.events.off('sentence', on);
        resolve(s);
      };
      this.events.on('sentence', on);
    });
  }
}

const cloneFaults = (f: Partial<FaultConfig>): Partial<FaultConfig> => ({
  ...f,
  ...(f.connections ? { connections: f.connections.map((c) => ({ ...c })) } : {}),
  ...(f.commands ? { commands: f.commands.map((c) => ({ ...c, fault: { ...c.fault } })) } : {}),
});
