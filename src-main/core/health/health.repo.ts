import type { HealthSample, RouterStatus } from '../../contract/schemas/routers';
import type { Sqlite } from '../db/open-database';

/** The stored health state of one router (one row of `router_health`). */
export type HealthState = {
  routerId: number;
  status: RouterStatus;
  statusSince: number;
  lastPollAt: number | null;
  lastSeenAt: number | null;
  lastError: string | null;
  identity: string | null;
  version: string | null;
  board: string | null;
  uptimeSec: number | null;
  cpuLoad: number | null;
  memoryUsedPct: number | null;
  activeSessions: number | null;
  latencyMs: number | null;
  consecutiveFailures: number;
  flapping: boolean;
  cpuHigh: boolean;
  memoryHigh: boolean;
};

type Row = {
  router_id: number;
  status: RouterStatus;
  status_since: number;
  last_poll_at: number | null;
  last_seen_at: number | null;
  last_error: string | null;
  identity: string | null;
  version: string | null;
  board: string | null;
  uptime_sec: number | null;
  cpu_load: number | null;
  memory_used_pct: number | null;
  active_sessions: number | null;
  latency_ms: number | null;
  consecutive_failures: number;
  flapping: number;
  cpu_high: number;
  memory_high: number;
};

const fromRow = (r: Row): HealthState => ({
  routerId: r.router_id,
  status: r.status,
  statusSince: r.status_since,
  lastPollAt: r.last_poll_at,
  lastSeenAt: r.last_seen_at,
  lastError: r.last_error,
  identity: r.identity,
  version: r.version,
  board: r.board,
  uptimeSec: r.uptime_sec,
  cpuLoad: r.cpu_load,
  memoryUsedPct: r.memory_used_pct,
  activeSessions: r.active_sessions,
  latencyMs: r.latency_ms,
  consecutiveFailures: r.consecutive_failures,
  flapping: r.flapping === 1,
  cpuHigh: r.cpu_high === 1,
  memoryHigh: r.memory_high === 1,
});

export const initialHealth = (routerId: number, now: number): HealthState => ({
  routerId,
  status: 'unknown',
  statusSince: now,
  lastPollAt: null,
  lastSeenAt: null,
  lastError: null,
  identity: null,
  version: null,
  board: null,
  uptimeSec: null,
  cpuLoad: null,
  memoryUsedPct: null,
  activeSessions: null,
  latencyMs: null,
  consecutiveFailures: 0,
  flapping: false,
  cpuHigh: false,
  memoryHigh: false,
});

type SampleRow = {
  ts: number;
  ok: number;
  latency_ms: number | null;
  cpu_load: number | null;
  memory_used_pct: number | null;
  active_sessions: number | null;
  uptime_sec: number | null;
};

/** `router_health` (current state) and `router_health_samples` (bounded history). */
export const createHealthRepo = (sqlite: Sqlite) => {
  const get = sqlite.prepare<[number], Row>('SELECT * FROM router_health WHERE router_id = ?');
  const put = sqlite.prepare(
    `INSERT INTO router_health (router_id, status, status_since, last_poll_at, last_seen_at,
       last_error, identity, version, board, uptime_sec, cpu_load, memory_used_pct,
       active_sessions, latency_ms, consecutive_failures, flapping, cpu_high, memory_high)
     VALUES (@routerId, @status, @statusSince, @lastPollAt, @lastSeenAt, @lastError, @identity,
       @version, @board, @uptimeSec, @cpuLoad, @memoryUsedPct, @activeSessions, @latencyMs,
       @consecutiveFailures, @flapping, @cpuHigh, @memoryHigh)
     ON CONFLICT (router_id) DO UPDATE SET status = excluded.status,
       status_since = excluded.status_since, last_poll_at = excluded.last_poll_at,
       last_seen_at = excluded.last_seen_at, last_error = excluded.last_error,
       identity = excluded.identity, version = excluded.version, board = excluded.board,
       uptime_sec = excluded.uptime_sec, cpu_load = excluded.cpu_load,
       memory_used_pct = excluded.memory_used_pct, active_sessions = excluded.active_sessions,
       latency_ms = excluded.latency_ms, consecutive_failures = excluded.consecutive_failures,
       flapping = excluded.flapping, cpu_high = excluded.cpu_high,
       memory_high = excluded.memory_high`,
  );
  const addSample = sqlite.prepare(
    `INSERT INTO router_health_samples
       (router_id, ts, ok, latency_ms, cpu_load, memory_used_pct, active_sessions, uptime_sec)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const samples = sqlite.prepare<[number, number], SampleRow>(
    `SELECT ts, ok, latency_ms, cpu_load, memory_used_pct, active_sessions, uptime_sec
       FROM router_health_samples WHERE router_id = ? AND ts >= ? ORDER BY ts`,
  );
  const prune = sqlite.prepare('DELETE FROM router_health_samples WHERE ts < ?');

  return {
    get: (routerId: number): HealthState | undefined => {
      const row = get.get(routerId);
      return row ? fromRow(row) : undefined;
    },
    put: (s: HealthState): void => {
      put.run({
        ...s,
        flapping: s.flapping ? 1 : 0,
        cpuHigh: s.cpuHigh ? 1 : 0,
        memoryHigh: s.memoryHigh ? 1 : 0,
      });
    },
    addSample: (routerId: number, ts: number, s: Omit<HealthSample, 'ts'>): void => {
      addSample.run(
        routerId,
        ts,
        s.ok ? 1 : 0,
        s.latencyMs,
        s.cpuLoad,
        s.memoryUsedPct,
        s.activeSessions,
        s.uptimeSec,
      );
    },
    samples: (routerId: number, since: number): HealthSample[] =>
      samples.all(routerId, since).map((r) => ({
        ts: r.ts,
        ok: r.ok === 1,
        latencyMs: r.latency_ms,
        cpuLoad: r.cpu_load,
        memoryUsedPct: r.memory_used_pct,
        activeSessions: r.active_sessions,
        uptimeSec: r.uptime_sec,
      })),
    /** Drops samples older than `before`; returns how many. */
    prune: (before: number): number => prune.run(before).changes,
  };
};

export type HealthRepo = ReturnType<typeof createHealthRepo>;
