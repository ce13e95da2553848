import { describe, expect, it } from 'vitest';
import type { FaultConfig } from '../../routeros-sim/server/fault-config';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { entriesOf, MINUTE, unwrap } from '../test-support/test-core';
import { addSimRouter, networkOffice, pay, secretsOf } from '../test-support/network-fixtures';

/** Retries until the queue is empty (each pass after the back-off), at most `passes` times. */
const drainUntilEmpty = async (o: Awaited<ReturnType<typeof networkOffice>>, passes: number) => {
  const results = [];
  for (let i = 0; i < passes; i++) {
    results.push(...(await o.core.services.sync.drain()));
    if (unwrap(await o.tech.call('sync.queue', {})).total === 0) return results;
    o.tc.clock.advance(15 * MINUTE);
  }
  throw new Error(`queue not empty after ${String(passes)} passes`);
};

describe('fault knobs during pushes and polls', () => {
  it('a refused add is logged and retried; an add whose reply was lost is not duplicated', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    await sim.setFaults({
      commands: [
        {
          path: '/ppp/secret/add',
          times: 1,
          fault: { kind: 'trap', message: 'failure: out of memory' },
        },
        // Executed, then the connection dies before the reply: the app cannot know it worked.
        {
          path: '/ppp/secret/add',
          times: 1,
          fault: { kind: 'fatal', reason: 'session closed', executed: true },
        },
      ],
    });
    const c = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'fay' });
    const results = await drainUntilEmpty(o, 5);
    // The lost reply killed the connection; the push retried at once on a fresh one, found the
    // secret already there, and did not add it again.
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(sim.faults.commands.map((f) => f.times)).toEqual([0, 0]);
    const failed = entriesOf(o.core, 'sync.push_failed');
    expect(failed.map((e) => e.description)).toEqual([
      `Router "${router.name}" not updated for client ${c.accountNo} ${c.fullName}: The router refused the command: failure: out of memory; will retry`,
    ]);
    expect(failed[0]?.clientId).toBe(c.id);
    const [pushed] = entriesOf(o.core, 'sync.pushed');
    expect(pushed?.details).toMatchObject({ attempts: 2 });
    expect(secretsOf(sim).filter((s) => s.name === 'fay')).toHaveLength(1);
  });

  it('random drops, delays and traps during a burst of changes: no crash, no duplicates, every failure logged, desired state reached', async () => {
    const o = await networkOffice({ network: { commandTimeoutMs: 300 } });
    const { sim, router } = await addSimRouter(o.tech, { seed: 7 });
    const plan = await makePlan(o.admin);
    const faults: Partial<FaultConfig> = {
      commands: [
        {
          path: '/ppp/secret/add',
          probability: 0.3,
          fault: { kind: 'drop', afterSentences: 0, mode: 'rst' },
        },
        {
          path: '/ppp/secret/set',
          probability: 0.3,
          fault: { kind: 'fatal', reason: 'busy', executed: true },
        },
        { verb: 'print', probability: 0.05, fault: { kind: 'delay', ms: 600 } },
        {
          path: '/ppp/profile/add',
          times: 1,
          fault: { kind: 'trap', message: 'failure: try again' },
        },
      ],
    };
    await sim.setFaults(faults);
    const clients = [];
    for (let i = 0; i < 8; i++) {
      clients.push(
        await makeClient(o.tech, plan.id, {
          routerId: router.id,
          serviceLogin: `user${String(i)}`,
        }),
      );
    }
    for (const c of clients.slice(0, 4)) await pay(o, c.id);
    const results = await drainUntilEmpty(o, 25);
    const failures = results.filter((r) => !r.ok);
    expect(failures.length).toBeGreaterThan(0);
    // Every failed push left an entry naming the client (repeats of one error may share one).
    const logged = new Set(entriesOf(o.core, 'sync.push_failed').map((e) => e.clientId));
    for (const f of failures) expect(logged.has(f.subjectId)).toBe(true);
    await sim.clearFaults();
    const names = secretsOf(sim).map((s) => s.name);
    expect(names.sort()).toEqual(clients.map((c) => c.serviceLogin).sort());
    const preview = unwrap(await o.tech.call('sync.preview', { scope: { routerId: router.id } }));
    expect(preview.counts).toEqual({ missing: 0, unknown: 0, different: 0 });
  });

  it('protocol faults and dead connections during polls are recorded, never crash, and clear on the next poll', async () => {
    const o = await networkOffice({ network: { pollTimeoutMs: 500, connectTimeoutMs: 400 } });
    const { sim, router } = await addSimRouter(o.tech);
    const health = o.core.services.health;
    await health.pollNow();
    const knobs: Partial<FaultConfig>[] = [
      { commands: [{ path: '/system/resource/print', fault: { kind: 'untaggedReplies' } }] },
      { commands: [{ path: '/system/identity/print', fault: { kind: 'wrongTag' } }] },
      {
        commands: [
          { path: '/system/resource/print', fault: { kind: 'malformed', variant: 'controlByte' } },
        ],
      },
      {
        commands: [
          { path: '/ppp/active/print', fault: { kind: 'trapWithoutDone', message: 'boom' } },
        ],
      },
      { commands: [{ verb: 'print', fault: { kind: 'drop', afterSentences: 1, mode: 'fin' } }] },
      {
        connections: [{ kind: 'silent' }],
        commands: [{ verb: 'print', fault: { kind: 'drop', afterSentences: 0, mode: 'rst' } }],
      },
    ];
    for (const knob of knobs) {
      await sim.setFaults(knob);
      o.tc.clock.advance(MINUTE);
      await health.pollNow();
      const r = unwrap(await o.viewer.call('routers.get', { id: router.id }));
      expect(r.lastError, JSON.stringify(knob)).not.toBeNull();
      await sim.clearFaults();
      o.tc.clock.advance(MINUTE);
      await health.pollNow();
      expect(unwrap(await o.viewer.call('routers.get', { id: router.id }))).toMatchObject({
        status: 'online',
        lastError: null,
      });
    }
    // Single failed polls between good ones are blips: nothing was logged as an outage.
    expect(entriesOf(o.core, 'router.offline')).toEqual([]);
  });
});
