import { describe, expect, it } from 'vitest';
import type { Probe } from '../routers/router-probe';
import { initialHealth, type HealthState } from './health.repo';
import {
  freshMemory,
  nextHealth,
  type HealthEvent,
  type HealthMemory,
  type PollOutcome,
} from './health-transitions';

const MIN = 60_000;
const probe = (over: Partial<Probe> = {}): Probe => ({
  identity: 'Tower',
  version: '7.19.4 (stable)',
  board: 'CHR',
  uptimeSec: 3_600,
  cpuLoad: 10,
  memoryUsedPct: 40,
  activeSessions: 3,
  latencyMs: 2,
  ...over,
});
const up = (over: Partial<Probe> = {}): PollOutcome => ({ ok: true, probe: probe(over) });
const down: PollOutcome = { ok: false, error: 'connection refused' };

/** Feeds polls one minute apart; collects every event. */
const run = (outcomes: PollOutcome[], start?: { state: HealthState; memory: HealthMemory }) => {
  let state = start?.state ?? initialHealth(1, 0);
  let memory = start?.memory ?? freshMemory();
  const events: HealthEvent[] = [];
  let now = state.statusSince;
  for (const outcome of outcomes) {
    now += MIN;
    const t = nextHealth({
      prev: state,
      memory,
      outcome,
      now,
      thresholds: { cpuPct: 90, memoryPct: 90 },
      flap: { windowMs: 30 * MIN, maxChanges: 4, settleMs: 10 * MIN },
    });
    state = t.state;
    memory = t.memory;
    events.push(...t.events);
  }
  return { state, memory, events, names: events.map((e) => e.event) };
};

describe('health transitions', () => {
  it('logs the first answer, then nothing while the router stays up', () => {
    const r = run([up(), up({ uptimeSec: 3_660 }), up({ uptimeSec: 3_720 })]);
    expect(r.names).toEqual(['router.first_seen']);
    expect(r.state).toMatchObject({ status: 'online', identity: 'Tower', activeSessions: 3 });
  });

  it('calls a router offline after two failed polls, once, and back online with the downtime', () => {
    const r = run([up(), down, down, down, down, up({ uptimeSec: 3_900 })]);
    expect(r.names).toEqual(['router.first_seen', 'router.offline', 'router.online']);
    expect(r.events[1]).toEqual({ event: 'router.offline', error: 'connection refused' });
    // Last seen at minute 1, back at minute 6.
    expect(r.events[2]).toEqual({ event: 'router.online', downtime: '5m' });
    // One failed poll is a blip, not an outage.
    expect(run([up(), down, up({ uptimeSec: 3_720 })]).names).toEqual(['router.first_seen']);
  });

  it('notices a reboot from the uptime going down', () => {
    const r = run([up({ uptimeSec: 90_000 }), up({ uptimeSec: 30 })]);
    expect(r.events).toContainEqual({
      event: 'router.rebooted',
      uptimeBefore: '1d 1h',
      uptimeNow: '30s',
    });
  });

  it('reports CPU over its threshold after two polls and back only well below it', () => {
    const r = run([
      up({ cpuLoad: 95 }),
      up({ cpuLoad: 97 }),
      up({ cpuLoad: 85 }),
      up({ cpuLoad: 70 }),
      up({ cpuLoad: 60 }),
    ]);
    expect(r.events.filter((e) => e.event.startsWith('router.metric'))).toEqual([
      { event: 'router.metric_high', metric: 'CPU', value: 97, threshold: 90 },
      { event: 'router.metric_normal', metric: 'CPU', value: 60 },
    ]);
    const high = run([up({ memoryUsedPct: 93 }), up({ memoryUsedPct: 94 })]);
    expect(high.state).toMatchObject({ status: 'degraded', memoryHigh: true });
    // A single spike is not reported.
    expect(run([up({ cpuLoad: 99 }), up({ cpuLoad: 20 })]).names).toEqual(['router.first_seen']);
  });

  it('damps flapping: one entry instead of a flood, then one when it settles', () => {
    const flaps: PollOutcome[] = [];
    for (let i = 0; i < 6; i++) flaps.push(down, down, up({ uptimeSec: 4_000 + i }));
    const r = run([up(), ...flaps]);
    expect(r.names).toEqual([
      'router.first_seen',
      'router.offline',
      'router.online',
      'router.offline',
      'router.flapping',
    ]);
    expect(r.state).toMatchObject({ flapping: true, status: 'degraded' });
    const settled = run(
      Array.from({ length: 12 }, (_, i) => up({ uptimeSec: 5_000 + i })),
      { state: r.state, memory: r.memory },
    );
    expect(settled.names).toEqual(['router.stable']);
    expect(settled.events[0]).toEqual({ event: 'router.stable', suppressed: 8, status: 'online' });
    expect(settled.state).toMatchObject({ flapping: false, status: 'online' });
  });
});
