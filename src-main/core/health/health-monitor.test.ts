import { describe, expect, it, onTestFinished } from 'vitest';
import { startSim, TEST_USER } from '../../routeros-sim/testing/sim-fixture';
import type { RouterConnector } from '../routeros-client/router-client.port';
import { connectRouterOs } from '../routeros-client/routeros.adapter';
import { makeRouter } from '../test-support/office-fixtures';
import { entriesOf, MINUTE, unwrap } from '../test-support/test-core';
import {
  addSimRouter,
  bringBack,
  networkOffice,
  takeOffline,
} from '../test-support/network-fixtures';

/**
 * The real connector, with a gate on the replies: once armed for `n` replies, each reply waits
 * until the n-th has arrived, then all go on at once, so that every poll finishes in one turn.
 */
const replyGate = (connect: RouterConnector) => {
  let expected = 0;
  let arrived = 0;
  let open = () => {};
  let opened = Promise.resolve();
  const connector: RouterConnector = async (endpoint) => {
    const conn = await connect(endpoint);
    return {
      get alive() {
        return conn.alive;
      },
      write: async (words, timeoutMs) => {
        const rows = await conn.write(words, timeoutMs);
        if (expected > 0 && ++arrived === expected) {
          expected = 0;
          open();
        }
        await opened;
        return rows;
      },
      close: () => conn.close(),
      onDead: (listener) => conn.onDead(listener),
    };
  };
  return {
    connector,
    hold: (n: number) => {
      expected = n;
      arrived = 0;
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
  };
};

describe('health checks', () => {
  it('sees a router online, logs it going offline once and coming back with the downtime', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech, {
      identity: 'Torre-Norte',
      version: '7.19',
    });
    const health = o.core.services.health;
    await health.pollNow();
    let r = unwrap(await o.viewer.call('routers.get', { id: router.id }));
    expect(r).toMatchObject({
      status: 'online',
      identity: 'Torre-Norte',
      version: '7.19.4 (stable)',
      activeSessions: 0,
      lastError: null,
      lastSeenAt: o.tc.clock.now(),
    });
    expect(r.cpuLoad).toBeGreaterThanOrEqual(0);
    expect(r.memoryUsedPct).toBeGreaterThan(0);
    expect(entriesOf(o.core, 'router.first_seen')).toHaveLength(1);
    // Polls of a healthy router are not logged.
    const logged = entriesOf(o.core, 'router.first_seen').length;
    o.tc.clock.advance(MINUTE);
    await health.pollNow();
    expect(entriesOf(o.core, 'router.first_seen')).toHaveLength(logged);

    await takeOffline(sim);
    const dues: number[] = [];
    for (let i = 0; i < 4; i++) {
      o.tc.clock.advance(MINUTE);
      await health.pollNow();
      dues.push((health.nextDue(router.id) ?? 0) - o.tc.clock.now());
    }
    const offline = entriesOf(o.core, 'router.offline');
    expect(offline).toHaveLength(1);
    expect(offline[0]).toMatchObject({
      type: 'system',
      category: 'health_check',
      outcome: 'failure',
      actor: null,
      routerId: router.id,
    });
    expect(offline[0]?.description).toMatch(/went offline: .*refused the connection/);
    r = unwrap(await o.viewer.call('routers.get', { id: router.id }));
    expect(r).toMatchObject({
      status: 'offline',
      lastError: expect.stringContaining('refused') as unknown,
    });
    // First failure: a quick re-check; then exponential back-off while offline.
    expect(dues[0]).toBe(1_000);
    expect(dues[2]).toBeGreaterThan(dues[1] ?? 0);
    expect(dues[3]).toBeGreaterThan(dues[2] ?? 0);

    await bringBack(sim);
    o.tc.clock.advance(MINUTE);
    await health.pollNow();
    const online = entriesOf(o.core, 'router.online');
    expect(online).toHaveLength(1);
    expect(online[0]?.description).toBe(`Router "${router.name}" is back online after 5m`);
    expect(unwrap(await o.viewer.call('routers.get', { id: router.id })).status).toBe('online');
  });

  it('notices reboots and keeps a bounded history for charts', async () => {
    const o = await networkOffice({
      network: { sampleEveryMs: 5 * MINUTE, historyMs: 60 * MINUTE },
    });
    const { sim, router } = await addSimRouter(o.tech);
    const health = o.core.services.health;
    sim.advance(2 * 60 * MINUTE);
    await health.pollNow();
    for (let i = 0; i < 4; i++) {
      o.tc.clock.advance(MINUTE);
      sim.advance(MINUTE);
      await health.pollNow();
    }
    await sim.rebootNow({ downMs: 10 });
    o.tc.clock.advance(MINUTE);
    await health.pollNow();
    const [rebooted] = entriesOf(o.core, 'router.rebooted');
    expect(rebooted?.description).toBe(`Router "${router.name}" rebooted (uptime 2h 4m → 0s)`);
    // Six polls within five minutes: one sample (the bucket), not six.
    const view = unwrap(await o.viewer.call('routers.health', { id: router.id }));
    expect(view.samples).toHaveLength(2);
    expect(view.samples[0]).toMatchObject({ ok: true, uptimeSec: 7_200 });
    // Old samples are pruned by the job's tick.
    o.tc.clock.advance(3 * 60 * MINUTE);
    await health.runDue(new AbortController().signal);
    const kept = o.core.sqlite
      .prepare('SELECT count(*) AS n FROM router_health_samples WHERE ts < ?')
      .get(o.tc.clock.now() - 60 * MINUTE) as { n: number };
    expect(kept.n).toBe(0);
  });

  it('trims old history a slice of routers per tick, not all in one statement', async () => {
    const o = await networkOffice({ network: { pollTimeoutMs: 300 } });
    const routers = [];
    // Saved but disabled: the prune trims every router's history, polled or not.
    for (let i = 0; i < 30; i++) routers.push(await makeRouter(o.admin, `Tower ${String(i)}`));
    for (const r of routers) unwrap(await o.tech.call('routers.disable', { id: r.id }));
    const now = o.tc.clock.now();
    const add = o.core.sqlite.prepare(
      'INSERT INTO router_health_samples (router_id, ts, ok) VALUES (?, ?, 1)',
    );
    // History is kept 183 days: one sample beyond that per router, one recent.
    const DAY = 24 * 60 * MINUTE;
    for (const r of routers) {
      add.run(r.id, now - 200 * DAY);
      add.run(r.id, now - 10 * MINUTE);
    }
    const old = () =>
      (
        o.core.sqlite
          .prepare('SELECT count(*) AS n FROM router_health_samples WHERE ts < ?')
          .get(now - 183 * DAY) as { n: number }
      ).n;
    const health = o.core.services.health;
    const signal = new AbortController().signal;
    await health.runDue(signal);
    expect(old()).toBe(5);
    await health.runDue(signal);
    expect(old()).toBe(0);
    const left = o.core.sqlite.prepare('SELECT count(*) AS n FROM router_health_samples').get();
    expect(left).toEqual({ n: 30 });
  });

  it('bounds each poll by a timeout and polls only routers that are due and enabled', async () => {
    const o = await networkOffice({ network: { pollTimeoutMs: 300 } });
    const a = await addSimRouter(o.tech);
    const b = await addSimRouter(o.tech);
    const health = o.core.services.health;
    const signal = new AbortController().signal;
    // Created routers are due at once.
    expect(await health.runDue(signal)).toBe(2);
    expect(await health.runDue(signal)).toBe(0);
    await a.sim.setFaults({
      commands: [{ path: '/system/resource/print', fault: { kind: 'hang' } }],
    });
    o.tc.clock.advance(MINUTE);
    expect(await health.runDue(signal)).toBe(2);
    const view = unwrap(await o.viewer.call('routers.get', { id: a.router.id }));
    expect(view.lastError).toContain('did not answer in time');
    // One failure is not an outage yet.
    expect(view.status).toBe('online');
    unwrap(await o.tech.call('routers.disable', { id: b.router.id }));
    o.tc.clock.advance(MINUTE);
    expect(await health.runDue(signal)).toBe(1);
    expect(unwrap(await o.viewer.call('routers.get', { id: b.router.id })).status).toBe('unknown');
  });

  it('commits polls that finish together in shared transactions; a refused write loses only its poll', async () => {
    const gate = replyGate(connectRouterOs());
    const commits: number[] = [];
    const o = await networkOffice({
      network: {
        connector: gate.connector,
        pollCommitMaxWrites: 5,
        pollCommitBudgetMs: Infinity,
        observePollCommits: (polls) => commits.push(polls),
      },
    });
    // Ten routers behind one simulator, each on its own pooled connection.
    const { sim } = await startSim({ data: 'minimal' });
    onTestFinished(() => sim.stop());
    const routers = [];
    for (let i = 1; i <= 10; i++) {
      const router = unwrap(
        await o.tech.call('routers.create', {
          name: `Mast ${String(i)}`,
          host: '127.0.0.1',
          port: sim.port,
          apiUser: TEST_USER.name,
          password: TEST_USER.password,
        }),
      );
      routers.push(router);
    }
    const health = o.core.services.health;
    const view = async (id: number) => unwrap(await o.viewer.call('routers.get', { id }));

    // Four commands per probe: every poll finishes in the turn the fortieth reply arrives.
    gate.hold(routers.length * 4);
    await health.pollNow();
    expect(commits).toEqual([5, 5]);
    const firstPoll = o.tc.clock.now();
    for (const r of routers) {
      expect(await view(r.id)).toMatchObject({ status: 'online', lastSeenAt: firstPoll });
    }
    expect(entriesOf(o.core, 'router.first_seen').map((e) => e.routerId)).toEqual(
      expect.arrayContaining(routers.map((r) => r.id)),
    );
    expect(entriesOf(o.core, 'router.first_seen')).toHaveLength(routers.length);
    const samples = o.core.sqlite.prepare('SELECT count(*) FROM router_health_samples').pluck();
    expect(samples.get()).toBe(10);

    // The database refuses one router's next state: that poll fails, the nine others commit.
    const [refused, ...others] = routers;
    o.core.sqlite.exec(
      `CREATE TEMP TRIGGER refuse_one BEFORE UPDATE ON router_health WHEN NEW.router_id = ${String(refused?.id)}
       BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
    );
    commits.length = 0;
    o.tc.clock.advance(MINUTE);
    gate.hold(routers.length * 4);
    const results = await Promise.allSettled(routers.map((r) => health.pollNow([r.id])));
    expect(results.map((r) => r.status)).toEqual(['rejected', ...others.map(() => 'fulfilled')]);
    expect(results[0]).toMatchObject({ reason: { message: 'refused for the test' } });
    // The nine others still went in shared transactions (which, depends on where the refused
    // poll fell: those before it in its batch go again together, those after in the next).
    expect(commits.reduce((a, b) => a + b, 0)).toBe(9);
    expect(commits.length).toBeLessThanOrEqual(3);
    expect((await view(refused?.id ?? 0)).lastSeenAt).toBe(firstPoll);
    for (const r of others) expect((await view(r.id)).lastSeenAt).toBe(o.tc.clock.now());
  });
});
