import type Database from 'better-sqlite3';
import type { Clock } from '../shared/clock';
import type { ServiceContext } from '../shared/context';
import type { ActivityOutcome } from '../../contract/schemas/activity';
import { eventCatalog, type EventCode, type EventParams } from './event-catalog';
import type { EventDef } from './define-event';
import { createChainAppender } from './activity-insert';
import { serializeDetails } from './redact';

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
};

export const createRecorder = (deps: {
  sqlite: Database.Database;
  clock: Clock;
  /** System entries carry the host's own address and name, and no actor. */
  host: { ip: string; name: string };
  /** Called after the transaction holding new entries commits. */
  onCommitted: (lastId: number, count: number) => void;
}): Recorder & { flush(): void; discard(): void } => {
  const { sqlite, clock } = deps;
  const appender = createChainAppender(sqlite);
  let pending = { lastId: 0, count: 0 };

  const append = <E extends EventCode>(input: RecordInput<E>): number => {
    const def = eventCatalog[input.event] as EventDef<EventParams<E>>;
    const system = def.type === 'system';
    const actor = system ? null : input.ctx.actor;
    const atHost = system && input.at !== 'request';
    const id = appender.append([
      {
        ts: clock.now(),
        type: def.type,
        category: def.category,
        event: input.event,
        outcome: input.outcome ?? def.outcome,
        actorId: actor?.staffId ?? null,
        actorName: actor?.displayName ?? null,
        ip: atHost ? deps.host.ip : input.ctx.ip,
        workstation: atHost ? deps.host.name : input.ctx.workstation,
        description: def.describe(input.params),
        targetType: input.target?.type ?? null,
        targetId: input.target ? String(input.target.id) : null,
        targetLabel: input.target?.label ?? null,
        clientId: input.clientId ?? null,
        routerId: input.routerId ?? null,
        details: serializeDetails(input.details),
        correlationId: input.ctx.correlationId,
      },
    ]);
    pending = { lastId: id, count: pending.count + 1 };
    return id;
  };

  const flush = () => {
    if (pending.count > 0) deps.onCommitted(pending.lastId, pending.count);
    pending = { lastId: 0, count: 0 };
  };
  const discard = () => {
    pending = { lastId: 0, count: 0 };
  };

  return {
    record: (input) => {
      if (sqlite.inTransaction) return append(input);
      // A lone entry (e.g. a failed login, where nothing else changes) gets its own transaction.
      const id = sqlite.transaction(() => append(input)).immediate();
      flush();
      return id;
    },
    flush,
    discard,
  };
};
