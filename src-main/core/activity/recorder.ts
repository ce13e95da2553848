import type Database from 'better-sqlite3';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/context';
import type { ActivityOutcome } from '../../contract/schemas/activity';
import { eventCatalog, type EventCode, type EventParams } from './event-catalog';
import type { DescribeWords, EventDef } from './define-event';
import { officeMoment } from '../../domain/office-time';
import { createChainAppender } from './chain-appender';
import { serializeDetails } from './redact';
import type { CategoryTallies } from '../../contract/activity-notice';
import { addTally } from './live-tail';

export type Target = { type: string; id: string | number; label: string };

export type RecordInput<E extends EventCode> = {
  event: E;
  params: EventParams<E>;
  ctx: ServiceContext;
  outcome?: ActivityOutcome;
  target?: Target;
  clientId?: number;
  routerId?: number;
  /** Before/after values and anything else worth keeping; secrets are redacted here. */
  details?: Record<string, unknown>;
  /**
   * Where a System entry says it happened: the host by default; `request` when a request caused
   * it (an account locked by failed sign-ins names the address they came from).
   */
  at?: 'host' | 'request';
};

export type Recorder = {
  /**
   * Appends one entry. Call it inside the transaction of the change it describes (see
   * `writeTransaction`), so that both commit or neither does. Returns the entry id.
   */
  record<E extends EventCode>(input: RecordInput<E>): number;
  /**
   * The time of a change and of its log entries: one clock reading per write transaction, never
   * before the log's last entry (so ids stay in time order for date searches). After the clock
   * was turned back, changes carry the last entry's time until the clock catches up, and their
   * entries say what the clock read (`details.clockRead`). Outside a transaction, the time the
   * next change would get (correlation ids start with it).
   */
  changeTime(): number;
};

/** A clamp larger than this is noted on the entry (`details.clockRead`). */
export const CLAMP_NOTE_MS = 1_000;

export const createRecorder = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  /** System entries carry the host's own address and name, and no actor. */
  host: { ip: string; name: string };
  /** Called after the transaction holding new entries commits, with them per category. */
  onCommitted: (categories: CategoryTallies) => void;
  /** The office's zone, for times in descriptions; UTC until the office settings can be read. */
  timeZone?: () => string;
}): Recorder & { flush(): void; discard(): void; lastEntryTs(): number | null } => {
  const { sqlite, clock } = deps;
  const words: DescribeWords = {
    moment: (at) =>
      officeMoment(typeof at === 'number' ? at : Date.parse(at), deps.timeZone?.() ?? 'UTC'),
  };
  const appender = createChainAppender(sqlite);
  let pending: CategoryTallies = {};
  const headTs = sqlite
    .prepare<[], number>('SELECT ts FROM activity_log ORDER BY id DESC LIMIT 1')
    .pluck();
  /** The reading of the write transaction under way; cleared when it commits or rolls back. */
  let inTransaction: { ts: number; read: number } | null = null;
  /**
   * Never below a time this process handed out before either: a correlation id minted from it
   * (before its action's first entry) then never starts after that action's entries.
   */
  let floor = 0;
  const readClock = () => {
    const read = clock.now();
    floor = Math.max(read, headTs.get() ?? 0, floor);
    return { read, ts: floor };
  };
  const reading = () => {
    if (sqlite.inTransaction) return (inTransaction ??= readClock());
    inTransaction = null; // a transaction not opened through `write` left its reading behind
    return readClock();
  };

  const append = <E extends EventCode>(input: RecordInput<E>): number => {
    const def = eventCatalog[input.event] as EventDef<EventParams<E>>;
    const system = def.type === 'system';
    const actor = system ? null : input.ctx.actor;
    const { ts, read } = reading();
    const details =
      ts - read > CLAMP_NOTE_MS ? { ...input.details, clockRead: read } : input.details;
    const atHost = system && input.at !== 'request';
    const id = appender.append([
      {
        ts,
        type: def.type,
        category: def.category,
        event: input.event,
        outcome: input.outcome ?? def.outcome,
        actorId: actor?.staffId ?? null,
        actorName: actor?.displayName ?? null,
        ip: atHost ? deps.host.ip : input.ctx.ip,
        workstation: atHost ? deps.host.name : input.ctx.workstation,
        description: def.describe(input.params, words),
        targetType: input.target?.type ?? null,
        targetId: input.target ? String(input.target.id) : null,
        targetLabel: input.target?.label ?? null,
        clientId: input.clientId ?? null,
        routerId: input.routerId ?? null,
        details: serializeDetails(details),
        correlationId: input.ctx.correlationId,
      },
    ]);
    addTally(pending, def.category, { lastId: id, count: 1 });
    return id;
  };

  const flush = () => {
    inTransaction = null;
    const committed = pending;
    pending = {};
    if (Object.keys(committed).length > 0) deps.onCommitted(committed);
  };
  const discard = () => {
    inTransaction = null;
    pending = {};
  };

  return {
    record: (input) => {
      if (sqlite.inTransaction) return append(input);
      // A lone entry (e.g. a failed login, where nothing else changes) gets its own transaction.
      try {
        const id = sqlite.transaction(() => append(input)).immediate();
        flush();
        return id;
      } catch (e) {
        discard();
        throw e;
      }
    },
    changeTime: () => reading().ts,
    lastEntryTs: () => headTs.get() ?? null,
    flush,
    discard,
  };
};
