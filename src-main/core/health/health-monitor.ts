import type { NetworkSettings } from '../../contract/schemas/routers';
import type { Recorder } from '../activity/recorder';
import type { WriteTransaction } from '../db/write-transaction';
import { RouterError } from '../routeros-client/router-error';
import { backoffMs, type NetworkTuning } from '../routers/network-tuning';
import { hostPort, isStaleConnection, plainRouterError } from '../routers/router-failure';
import type { RouterAccess } from '../routers/router-access';
import { probeRouter } from '../routers/router-probe';
import type { RouterRecord, RoutersRepo } from '../routers/routers.repo';
import type { Clock } from '../shared/clock';
import type { RequestMeta } from '../shared/context';
import { mapLimit } from '../shared/map-limit';
import { initialHealth, type HealthRepo, type HealthState } from './health.repo';
import { createPollCommits } from './poll-commits';
import {
  freshMemory,
  nextHealth,
  OFFLINE_AFTER_FAILURES,
  type HealthEvent,
  type HealthMemory,
  type PollOutcome,
} from './health-transitions';

type Slot = {
  intervalMs: number;
  /** Polls of a healthy router fall on phase + k·interval (spread, and no drift). */
  phase: number;
  nextDue: number;
  inFlight: Promise<boolean | null> | null;
  lastSampleAt: number | null;
  memory: HealthMemory;
};

export type PollObservation = {
  routerId: number;
  /** How long after its due time the poll started. */
  lateMs: number;
  durationMs: number;
  ok: boolean;
};

const PRUNE_EVERY_MS = 60 * 60_000;
/**
 * Routers whose old samples one tick removes, in one transaction: the hourly prune of a thousand
 * routers' history (about 12,000 rows) is spread over ticks instead of blocking in one statement.
 */
const PRUNE_ROUTERS_PER_TICK = 25;

/** Smallest phase + k·interval strictly after `now`. */
const alignedAfter = (now: number, intervalMs: number, phase: number): number =>
  phase + (Math.floor((now - phase) / intervalMs) + 1) * intervalMs;

/**
 * Health checks: every enabled router on its own interval, at most `pollConcurrency` polls at
 * once, each bounded by `pollTimeoutMs`, never two polls of one router at a time. A failing
 * router is re-polled soon once, then backs off exponentially with jitter while offline. Only
 * transitions are logged (see health-transitions.ts); every poll updates `router_health`. Polls
 * that finish together commit together (poll-commits.ts), each with its state change, sample and
 * log entries in one transaction.
 */
export const createHealthMonitor = (deps: {
  routers: RoutersRepo;
  health: HealthRepo;
  access: RouterAccess;
  clock: Clock;
  write: WriteTransaction;
  recorder: Recorder;
  settings: () => NetworkSettings;
  tuning: NetworkTuning;
  systemMeta: () => RequestMeta;
  /** A router became reachable (again): its queued work can go now. */
  cameBack: (routerId: number) => void;
  observe?: (o: PollObservation) => void;
  /** After each transaction of poll results: how many polls it wrote. */
  observeCommits?: (polls: number) => void;
}) => {
  const { clock, tuning } = deps;
  const commits = createPollCommits({
    write: deps.write,
    batching: { maxWrites: tuning.pollCommitMaxWrites, budgetMs: tuning.pollCommitBudgetMs },
    ...(deps.observeCommits ? { committed: deps.observeCommits } : {}),
  });
  const slots = new Map<number, Slot>();
  const running = new Set<Promise<boolean | null>>();
  let stopping = false;
  let lastPrune = 0;
  /** Routers whose history the current prune has yet to trim, and where it cuts. */
  let pruneQueue: number[] = [];
  let pruneBefore = 0;

  const slotFor = (r: Pick<RouterRecord, 'id' | 'pollIntervalSec'>): Slot => {
    const intervalMs = r.pollIntervalSec * 1000;
    const existing = slots.get(r.id);
    if (existing && existing.intervalMs === intervalMs) return existing;
    const now = clock.now();
    const slot: Slot = {
      intervalMs,
      phase: Math.floor(tuning.random() * intervalMs),
      // The first look comes soon (spread over a few seconds), then the phase takes over.
      nextDue: now + Math.floor(tuning.random() * Math.min(intervalMs, 5_000)),
      inFlight: existing?.inFlight ?? null,
      lastSampleAt: existing?.lastSampleAt ?? null,
      memory: existing?.memory ?? freshMemory(),
    };
    slots.set(r.id, slot);
    return slot;
  };

  const record = (r: RouterRecord, e: HealthEvent, meta: RequestMeta): void => {
    const base = {
      ctx: { ...meta, actor: null },
      target: { type: 'router', id: r.id, label: r.name },
      routerId: r.id,
    };
    const name = r.name;
    switch (e.event) {
      case 'router.offline':
        deps.recorder.record({ ...base, event: e.event, params: { name, error: e.error } });
        return;
      case 'router.online':
        deps.recorder.record({ ...base, event: e.event, params: { name, downtime: e.downtime } });
        return;
      case 'router.first_seen':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, identity: e.identity, version: e.version },
        });
        return;
      case 'router.rebooted':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, uptimeBefore: e.uptimeBefore, uptimeNow: e.uptimeNow },
        });
        return;
      case 'router.metric_high':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, metric: e.metric, value: e.value, threshold: e.threshold },
        });
        return;
      case 'router.metric_normal':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, metric: e.metric, value: e.value },
        });
        return;
      case 'router.flapping':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, changes: e.changes, windowMin: e.windowMin },
        });
        return;
      case 'router.stable':
        deps.recorder.record({
          ...base,
          event: e.event,
          params: { name, suppressed: e.suppressed, status: e.status },
        });
        return;
    }
  };

  const probe = async (r: RouterRecord, signal: AbortSignal): Promise<PollOutcome> => {
    const timeout = AbortSignal.timeout(tuning.pollTimeoutMs);
    const both = AbortSignal.any([signal, timeout]);
    try {
      try {
        return { ok: true, probe: await probeRouter(deps.access.client(r), both) };
      } catch (e) {
        if (!isStaleConnection(e) || both.aborted) throw e;
        return { ok: true, probe: await probeRouter(deps.access.client(r), both) };
      }
    } catch (e) {
      const error =
        timeout.aborted && !signal.aborted
          ? new RouterError('timeout', `no answer within ${String(tuning.pollTimeoutMs)} ms`, {
              reason: 'poll-timeout',
            })
          : e;
      return { ok: false, error: plainRouterError(error, hostPort(r.host, r.port, r.tls)).message };
    }
  };

  const schedule = (slot: Slot, state: HealthState, now: number): void => {
    const failures = state.consecutiveFailures;
    if (failures === 0) {
      slot.nextDue = alignedAfter(now, slot.intervalMs, slot.phase);
    } else if (failures < OFFLINE_AFTER_FAILURES) {
      slot.nextDue = now + tuning.suspectRetryMs;
    } else {
      slot.nextDue =
        now +
        backoffMs(
          slot.intervalMs,
          failures - OFFLINE_AFTER_FAILURES,
          Math.max(tuning.backoffCapMs, slot.intervalMs),
          tuning.random,
        );
    }
  };

  /** One poll and its consequences; resolves with whether the router answered (null: skipped). */
  const pollOne = async (r: RouterRecord, signal: AbortSignal): Promise<boolean | null> => {
    const slot = slotFor(r);
    const outcome = await probe(r, signal);
    if (stopping || signal.aborted) return null;
    const current = deps.routers.byId(r.id);
    if (!current?.enabled) return null;
    const now = clock.now();
    const settings = deps.settings();
    const prev = deps.health.get(r.id) ?? initialHealth(r.id, now);
    const t = nextHealth({
      prev,
      memory: slot.memory,
      outcome,
      now,
      thresholds: { cpuPct: settings.cpuThresholdPct, memoryPct: settings.memoryThresholdPct },
      flap: {
        windowMs: tuning.flapWindowMs,
        maxChanges: tuning.flapMaxChanges,
        settleMs: tuning.flapWindowMs / 3,
      },
    });
    const sample =
      slot.lastSampleAt === null ||
      now - slot.lastSampleAt >= tuning.sampleEveryMs ||
      t.state.status !== prev.status;
    // Committed with the other polls that finish in this turn (poll-commits.ts).
    const written = await commits.commit(() => {
      // Disabled or removed since its poll ended: nothing of it is written.
      if (!deps.routers.byId(r.id)?.enabled) return false;
      deps.health.put(t.state);
      if (sample) {
        deps.health.addSample(r.id, now, {
          ok: outcome.ok,
          latencyMs: t.state.latencyMs,
          cpuLoad: outcome.ok ? t.state.cpuLoad : null,
          memoryUsedPct: outcome.ok ? t.state.memoryUsedPct : null,
          activeSessions: outcome.ok ? t.state.activeSessions : null,
          uptimeSec: outcome.ok ? t.state.uptimeSec : null,
        });
      }
      if (t.events.length > 0) {
        const meta = deps.systemMeta();
        for (const e of t.events) record(current, e, meta);
      }
      return true;
    });
    if (!written) return null;
    slot.memory = t.memory;
    if (sample) slot.lastSampleAt = now;
    schedule(slot, t.state, now);
    if (t.cameBack) deps.cameBack(r.id);
    return outcome.ok;
  };

  /** Starts (or joins) the poll of one router; never two at once. */
  const poll = (r: RouterRecord, signal: AbortSignal): Promise<boolean | null> => {
    const slot = slotFor(r);
    if (slot.inFlight) return slot.inFlight;
    const run = pollOne(r, signal).finally(() => {
      slot.inFlight = null;
      running.delete(run);
    });
    slot.inFlight = run;
    running.add(run);
    return run;
  };

  /** Forgets the slots of routers no longer in `list` (disabled or removed); returns it. */
  const keepSlotsOf = <R extends { id: number }>(list: R[]): R[] => {
    const ids = new Set(list.map((r) => r.id));
    for (const id of slots.keys()) if (!ids.has(id)) slots.delete(id);
    return list;
  };

  return {
    /** The health job's tick: polls every router that is due. */
    runDue: async (signal: AbortSignal): Promise<number> => {
      if (stopping) return 0;
      const now = clock.now();
      if (now - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now;
        pruneQueue = deps.routers.ids();
        pruneBefore = now - tuning.historyMs;
      }
      if (pruneQueue.length > 0) {
        const slice = pruneQueue.splice(0, PRUNE_ROUTERS_PER_TICK);
        deps.write(() => {
          for (const id of slice) deps.health.prune(id, pruneBefore);
        });
      }
      // Every tick looks at each router's schedule only (two columns); a router's whole record
      // is read when its poll starts: a tick over a thousand routers stays well under a frame.
      const due = keepSlotsOf(deps.routers.enabledSchedules()).filter((r) => {
        const slot = slotFor(r);
        return slot.inFlight === null && slot.nextDue <= now;
      });
      const dueAt = due.map((r) => slotFor(r).nextDue);
      await mapLimit(due, tuning.pollConcurrency, async (d, i) => {
        const r = deps.routers.byId(d.id);
        if (!r?.enabled || signal.aborted) return;
        const lateMs = clock.now() - (dueAt[i] ?? now);
        const started = performance.now();
        const ok = await poll(r, signal);
        if (ok !== null) {
          deps.observe?.({ routerId: r.id, lateMs, durationMs: performance.now() - started, ok });
        }
      });
      return due.length;
    },

    /** Polls these routers (default: every enabled one) now, whatever their schedule. */
    pollNow: async (ids?: readonly number[], signal = new AbortController().signal) => {
      const list = keepSlotsOf(deps.routers.enabled()).filter(
        (r) => ids === undefined || ids.includes(r.id),
      );
      await mapLimit(list, tuning.pollConcurrency, async (r) => {
        const slot = slotFor(r);
        if (slot.inFlight) await slot.inFlight;
        await poll(r, signal);
      });
    },

    /** When a router is next due (for tests and the jobs screen). */
    nextDue: (routerId: number): number | undefined => slots.get(routerId)?.nextDue,

    /** A router's settings changed, or it was added, enabled, disabled or removed. */
    refresh: (
      routerId: number,
      change: 'created' | 'updated' | 'enabled' | 'disabled' | 'removed',
    ) => {
      if (change === 'disabled' || change === 'removed') {
        slots.delete(routerId);
        return;
      }
      const r = deps.routers.byId(routerId);
      if (!r) return;
      const slot = slotFor(r);
      slot.nextDue = clock.now();
      if (change !== 'updated') slot.memory = freshMemory();
    },

    stop: async (): Promise<void> => {
      stopping = true;
      await Promise.allSettled([...running]);
    },
  };
};

export type HealthMonitor = ReturnType<typeof createHealthMonitor>;
