import { formatSpan } from '../routers/durations';
import type { Probe } from '../routers/router-probe';
import type { HealthState } from './health.repo';

/** Consecutive failed polls before a router is called offline (the first may be a blip). */
export const OFFLINE_AFTER_FAILURES = 2;
/** Consecutive polls over (or back under) a threshold before it counts. */
export const METRIC_CONFIRM_POLLS = 2;
/** A metric is back to normal only this many points under its threshold (hysteresis). */
export const METRIC_HYSTERESIS_PCT = 10;

export type PollOutcome = { ok: true; probe: Probe } | { ok: false; error: string };

/** Per-router memory that is not worth storing: recent up/down changes and metric streaks. */
export type HealthMemory = {
  changes: number[];
  suppressed: number;
  cpuOver: number;
  cpuUnder: number;
  memOver: number;
  memUnder: number;
};

export const freshMemory = (): HealthMemory => ({
  changes: [],
  suppressed: 0,
  cpuOver: 0,
  cpuUnder: 0,
  memOver: 0,
  memUnder: 0,
});

export type HealthEvent =
  | { event: 'router.offline'; error: string }
  | { event: 'router.online'; downtime: string }
  | { event: 'router.first_seen'; identity: string; version: string }
  | { event: 'router.rebooted'; uptimeBefore: string; uptimeNow: string }
  | { event: 'router.metric_high'; metric: string; value: number; threshold: number }
  | { event: 'router.metric_normal'; metric: string; value: number }
  | { event: 'router.flapping'; changes: number; windowMin: number }
  | { event: 'router.stable'; suppressed: number; status: string };

export type TransitionInput = {
  prev: HealthState;
  memory: HealthMemory;
  outcome: PollOutcome;
  now: number;
  thresholds: { cpuPct: number; memoryPct: number };
  flap: { windowMs: number; maxChanges: number; settleMs: number };
};

export type Transition = {
  state: HealthState;
  memory: HealthMemory;
  events: HealthEvent[];
  /** The router just became reachable again (or for the first time). */
  cameBack: boolean;
};

type Metric = { name: string; value: number | null; threshold: number; high: boolean };

/** Confirmed metric changes with hysteresis; returns the new flag and any event. */
const metricStep = (
  m: Metric,
  over: number,
  under: number,
): { high: boolean; over: number; under: number; event: HealthEvent | null } => {
  if (m.value === null) return { high: m.high, over: 0, under: 0, event: null };
  const nextOver = m.value >= m.threshold ? over + 1 : 0;
  const nextUnder = m.value < m.threshold - METRIC_HYSTERESIS_PCT ? under + 1 : 0;
  if (!m.high && nextOver >= METRIC_CONFIRM_POLLS) {
    return {
      high: true,
      over: nextOver,
      under: 0,
      event: {
        event: 'router.metric_high',
        metric: m.name,
        value: m.value,
        threshold: m.threshold,
      },
    };
  }
  if (m.high && nextUnder >= METRIC_CONFIRM_POLLS) {
    return {
      high: false,
      over: 0,
      under: nextUnder,
      event: { event: 'router.metric_normal', metric: m.name, value: m.value },
    };
  }
  return { high: m.high, over: nextOver, under: nextUnder, event: null };
};

/**
 * One poll's effect on a router's health: the new stored state and the events worth logging.
 * Only transitions are events: offline after {@link OFFLINE_AFTER_FAILURES} failures, back
 * online with the downtime, a reboot (uptime went down), a metric over its threshold and back.
 * Up/down changes are damped: `maxChanges` within `windowMs` log one "flapping" entry, then
 * nothing until the router has kept one state for `settleMs` ("settled", with the count).
 */
export const nextHealth = (input: TransitionInput): Transition => {
  const { prev, now, outcome, flap } = input;
  const memory: HealthMemory = {
    ...input.memory,
    changes: input.memory.changes.filter((t) => t > now - flap.windowMs),
  };
  const events: HealthEvent[] = [];
  let state: HealthState = { ...prev, lastPollAt: now };
  let upDown: HealthEvent | null = null;
  let cameBack = false;

  if (!outcome.ok) {
    const failures = prev.consecutiveFailures + 1;
    state = { ...state, consecutiveFailures: failures, lastError: outcome.error, latencyMs: null };
    if (prev.status !== 'offline' && failures >= OFFLINE_AFTER_FAILURES) {
      state.status = 'offline';
      upDown = { event: 'router.offline', error: outcome.error };
    }
  } else {
    const p = outcome.probe;
    const wasOffline = prev.status === 'offline';
    const neverSeen = prev.lastSeenAt === null;
    if (wasOffline) {
      const since = prev.lastSeenAt ?? prev.statusSince;
      upDown = { event: 'router.online', downtime: formatSpan((now - since) / 1000) };
    } else if (neverSeen) {
      events.push({ event: 'router.first_seen', identity: p.identity, version: p.version });
    }
    cameBack = wasOffline || neverSeen;
    if (prev.uptimeSec !== null && p.uptimeSec !== null && p.uptimeSec < prev.uptimeSec) {
      events.push({
        event: 'router.rebooted',
        uptimeBefore: formatSpan(prev.uptimeSec),
        uptimeNow: formatSpan(p.uptimeSec),
      });
    }
    const cpu = metricStep(
      { name: 'CPU', value: p.cpuLoad, threshold: input.thresholds.cpuPct, high: prev.cpuHigh },
      memory.cpuOver,
      memory.cpuUnder,
    );
    const mem = metricStep(
      {
        name: 'memory',
        value: p.memoryUsedPct,
        threshold: input.thresholds.memoryPct,
        high: prev.memoryHigh,
      },
      memory.memOver,
      memory.memUnder,
    );
    memory.cpuOver = cpu.over;
    memory.cpuUnder = cpu.under;
    memory.memOver = mem.over;
    memory.memUnder = mem.under;
    if (cpu.event) events.push(cpu.event);
    if (mem.event) events.push(mem.event);
    state = {
      ...state,
      status: 'online',
      consecutiveFailures: 0,
      lastSeenAt: now,
      lastError: null,
      identity: p.identity,
      version: p.version,
      board: p.board,
      uptimeSec: p.uptimeSec,
      cpuLoad: p.cpuLoad,
      memoryUsedPct: p.memoryUsedPct,
      activeSessions: p.activeSessions,
      latencyMs: p.latencyMs,
      cpuHigh: cpu.high,
      memoryHigh: mem.high,
    };
  }

  // Flap damping.
  if (upDown) {
    memory.changes = [...memory.changes, now];
    if (state.flapping) {
      memory.suppressed += 1;
    } else if (memory.changes.length >= flap.maxChanges) {
      state.flapping = true;
      memory.suppressed = 0;
      events.unshift({
        event: 'router.flapping',
        changes: memory.changes.length,
        windowMin: Math.round(flap.windowMs / 60_000),
      });
    } else {
      events.unshift(upDown);
    }
  } else if (state.flapping) {
    const last = memory.changes.at(-1) ?? 0;
    const settled = prev.status !== 'unknown' && now - last >= flap.settleMs;
    const stateKnown = outcome.ok || state.status === 'offline';
    if (settled && stateKnown) {
      state.flapping = false;
      events.push({
        event: 'router.stable',
        suppressed: memory.suppressed,
        status: state.status,
      });
      memory.suppressed = 0;
      memory.changes = [];
    }
  }

  if (state.status !== 'offline' && state.status !== 'unknown') {
    const degraded = state.flapping || state.cpuHigh || state.memoryHigh;
    state.status = degraded ? 'degraded' : 'online';
  }
  if (state.status !== prev.status) state.statusSince = now;
  return { state, memory, events, cameBack };
};
