import type {
  ForwardingSettings,
  ForwardingStatus,
  UpdateForwarding,
} from '../../contract/schemas/forwarding';
import { ACTIVITY_COLUMNS, type ActivityRow } from '../activity/activity-row';
import type { Recorder } from '../activity/recorder';
import type { EventParams } from '../activity/event-catalog';

type ForwardingEvent =
  'forwarding.interrupted' | 'forwarding.resumed' | 'forwarding.behind' | 'forwarding.caught_up';
import type { Sqlite } from '../db/open-database';
import type { WriteTransaction } from '../db/write-transaction';
import type { Logger } from '../shared/logger';
import { AppError } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { Actor, RequestMeta, ServiceContext } from '../shared/context';
import { createSettingsGroup } from '../settings/settings-group';
import { createSettingsRepo } from '../settings/settings.repo';
import { openSyslogConnection, type SyslogConnection } from './syslog-connection';
import { octetCounted, syslogMessage } from './syslog-format';
import { nextTurn } from '../shared/next-turn';

export const DEFAULT_FORWARDING: ForwardingSettings = {
  enabled: false,
  host: '',
  port: 514,
  tls: false,
  tlsCa: '',
  facility: 13,
  appName: 'isp-desk',
  behindEntries: 10_000,
  behindMinutes: 15,
};

const KEYS: Record<keyof ForwardingSettings, string> = {
  enabled: 'forward.enabled',
  host: 'forward.host',
  port: 'forward.port',
  tls: 'forward.tls',
  tlsCa: 'forward.tls_ca',
  facility: 'forward.facility',
  appName: 'forward.app_name',
  behindEntries: 'forward.behind_entries',
  behindMinutes: 'forward.behind_minutes',
};
/** The last entry handed to the receiver, kept across restarts. */
const CURSOR_KEY = 'forward.cursor';

/** Entries per write: a few hundred kilobytes, a few milliseconds of the main thread. */
const BATCH = 250;
/** How often the cursor is saved while sending (and always when the stream goes idle or closes). */
const SAVE_CURSOR_MS = 1_000;

export type ForwarderTiming = {
  /** The first wait after a failure, doubled each time up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
  connectTimeoutMs: number;
  /**
   * A finished write is not an acknowledgement: when a stream breaks, entries handed over this
   * long before may still have been lost in its buffers, so they are sent again (receivers
   * de-duplicate on the entry id).
   */
  resendWindowMs: number;
};

export const DEFAULT_FORWARDER_TIMING: ForwarderTiming = {
  retryMs: 1_000,
  retryMaxMs: 60_000,
  connectTimeoutMs: 10_000,
  resendWindowMs: 10_000,
};

/**
 * Sends every activity-log entry, in id order, to the office's syslog receiver (RFC 5424 over
 * TCP with octet counting, or TLS), at least once: a durable cursor, reconnects with back-off,
 * catch-up in order after an outage or a restart. Reads in batches between which the event loop
 * runs; never inside a write transaction.
 */
export const createForwarder = (deps: {
  sqlite: Sqlite;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  logger: Logger;
  timeZone: () => string;
  host: { name: string };
  systemMeta: () => RequestMeta;
  timing?: Partial<ForwarderTiming>;
}) => {
  const timing = { ...DEFAULT_FORWARDER_TIMING, ...deps.timing };
  const group = createSettingsGroup<ForwardingSettings>({
    ...deps,
    keys: KEYS,
    defaults: DEFAULT_FORWARDING,
    event: 'forwarding.settings_updated',
    target: { id: 'forwarding', label: 'Log forwarding settings' },
  });
  const repo = createSettingsRepo(deps.sqlite);
  const page = deps.sqlite.prepare<[number, number], ActivityRow>(
    `SELECT ${ACTIVITY_COLUMNS} FROM activity_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const head = deps.sqlite.prepare<[], { id: number }>(
    'SELECT id FROM activity_log ORDER BY id DESC LIMIT 1',
  );
  const oldestAfter = deps.sqlite.prepare<[number], { ts: number }>(
    'SELECT ts FROM activity_log WHERE id > ? ORDER BY id LIMIT 1',
  );

  const savedCursor = (): number => Number(repo.get(CURSOR_KEY) ?? 0);
  let sentUpTo = savedCursor();
  let savedUpTo = sentUpTo;
  let savedAt = 0;
  let connection: SyslogConnection | null = null;
  /** Entries handed to the current stream, with when: what a broken stream may have lost. */
  let recent: { id: number; at: number }[] = [];
  let lastSentAt: number | null = null;
  let lastError: { message: string; at: number } | null = null;
  /** Whether a failure has been logged and not yet its recovery; whether "behind" was logged. */
  let interrupted = false;
  let behindLogged = false;
  let running: Promise<void> | null = null;
  let stopped = true;
  /** Read through a call: `stop()` changes it while the loop awaits. */
  const stopping = () => stopped;
  let wakeUp: (() => void) | null = null;

  const saveCursor = () => {
    if (savedUpTo === sentUpTo) return;
    repo.put(CURSOR_KEY, String(sentUpTo), deps.clock.now());
    savedUpTo = sentUpTo;
    savedAt = Date.now();
  };

  /** Resolves on the next committed entry, a settings change or stop, or after `ms`. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      };
    });

  const target = () => {
    const s = group.get();
    return `${s.host}:${String(s.port)}`;
  };
  /** A state change of the stream, as a System entry (which is forwarded in its turn). */
  const record = <E extends ForwardingEvent>(event: E, params: Omit<EventParams<E>, 'target'>) =>
    deps.write(() =>
      deps.recorder.record({
        event,
        params: { target: target(), ...params } as EventParams<E>,
        ctx: { ...deps.systemMeta(), actor: null },
      }),
    );

  const lag = () => {
    const last = head.get()?.id ?? 0;
    const oldest = oldestAfter.get(sentUpTo)?.ts;
    return {
      entries: Math.max(0, last - sentUpTo),
      ms: oldest === undefined ? 0 : Math.max(0, deps.clock.now() - oldest),
    };
  };

  /** Logs once when forwarding falls behind its threshold, and once when it has caught up. */
  const watchLag = () => {
    const s = group.get();
    const { entries, ms } = lag();
    const over = entries >= s.behindEntries || ms >= s.behindMinutes * 60_000;
    if (over && !behindLogged) {
      behindLogged = true;
      record('forwarding.behind', { entries, minutes: Math.floor(ms / 60_000) });
    } else if (entries === 0 && behindLogged) {
      behindLogged = false;
      record('forwarding.caught_up', {});
    }
  };

  /** After a broken stream: send again what it may have lost. */
  const rewind = () => {
    const since = Date.now() - timing.resendWindowMs;
    const first = recent.find((r) => r.at >= since);
    if (first) sentUpTo = Math.min(sentUpTo, first.id - 1);
    recent = [];
  };

  const dropConnection = () => {
    connection?.destroy();
    connection = null;
    rewind();
  };

  const fail = (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    lastError = { message, at: deps.clock.now() };
    if (!interrupted) {
      interrupted = true;
      deps.logger.warn('log forwarding interrupted', { error: message });
      record('forwarding.interrupted', { error: message.slice(0, 200) });
    }
  };

  /** Sends the next batch after the cursor; false when there was nothing to send. */
  const sendBatch = async (conn: SyslogConnection, s: ForwardingSettings): Promise<boolean> => {
    const rows = page.all(sentUpTo, BATCH);
    if (rows.length === 0) return false;
    const options = {
      facility: s.facility,
      appName: s.appName,
      hostname: deps.host.name,
      procId: String(process.pid),
      timeZone: deps.timeZone(),
    };
    await conn.write(Buffer.concat(rows.map((r) => octetCounted(syslogMessage(r, options)))));
    const at = Date.now();
    for (const r of rows) recent.push({ id: r.id, at });
    recent = recent.filter((r) => r.at >= at - timing.resendWindowMs);
    sentUpTo = rows[rows.length - 1]?.id ?? sentUpTo;
    lastSentAt = deps.clock.now();
    return true;
  };

  const loop = async () => {
    let wait = timing.retryMs;
    while (!stopped) {
      const s = group.get();
      if (!s.enabled || s.host === '') {
        await pause(60_000);
        continue;
      }
      try {
        connection ??= await openSyslogConnection(s, timing.connectTimeoutMs, () => {
          wakeUp?.();
        });
        if (connection.closed) throw new Error('the receiver closed the connection');
        if (!(await sendBatch(connection, s))) {
          saveCursor();
          watchLag();
          await pause(5_000);
          continue;
        }
        wait = timing.retryMs;
        if (interrupted) {
          interrupted = false;
          lastError = null;
          record('forwarding.resumed', { upTo: sentUpTo });
        }
        if (Date.now() - savedAt >= SAVE_CURSOR_MS) saveCursor();
        watchLag();
        await nextTurn();
      } catch (e) {
        if (stopping()) break; // stop() closed the stream under the write
        dropConnection();
        fail(e);
        watchLag();
        await pause(wait);
        wait = Math.min(wait * 2, timing.retryMaxMs);
      }
    }
  };

  const status = (): ForwardingStatus => {
    const { entries, ms } = lag();
    return {
      settings: group.get(),
      connected: connection !== null && !connection.closed,
      sentUpTo,
      behindEntries: entries,
      behindMs: ms,
      lastSentAt,
      lastError: lastError?.message ?? null,
      lastErrorAt: lastError?.at ?? null,
    };
  };

  return {
    status,
    settings: group.get,
    /** Settings changes take effect at once: the stream is reopened with them. */
    update: (input: UpdateForwarding, ctx: ServiceContext & { actor: Actor }) => {
      const merged = { ...group.get(), ...input };
      if (merged.enabled && merged.host === '') {
        throw new AppError('validation', 'Forwarding needs a host.', {
          issues: [{ path: ['host'], message: 'Forwarding needs a host' }],
        });
      }
      group.update(input, ctx);
      void connection?.end();
      connection = null;
      recent = [];
      wakeUp?.();
      return status();
    },
    /** A transaction committed entries: send them now rather than at the next poll. */
    wake: () => wakeUp?.(),
    start: () => {
      if (!stopped) return;
      stopped = false;
      running = loop().catch((e: unknown) => {
        deps.logger.error('log forwarding stopped', {
          error: e instanceof Error ? e.message : String(e),
        });
      });
    },
    /**
     * Sends what is left (the last entries, "stopped" among them) for up to `flushMs`, then
     * closes the stream and saves the cursor.
     */
    stop: async (flushMs = 2_000) => {
      if (stopped) return;
      stopped = true;
      wakeUp?.();
      await running;
      const conn = connection;
      connection = null;
      if (conn && !conn.closed) {
        const until = Date.now() + flushMs;
        try {
          while (Date.now() < until && (await sendBatch(conn, group.get()))) {
            /* next batch */
          }
          await conn.end();
        } catch (e) {
          conn.destroy();
          rewind();
          deps.logger.warn('log forwarding: the last entries could not be sent before stopping', {
            error: e instanceof Error ? e.message : String(e),
          });
        }
      }
      saveCursor();
    },
  };
};

export type Forwarder = ReturnType<typeof createForwarder>;
