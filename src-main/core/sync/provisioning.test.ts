import { describe, expect, it } from 'vitest';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { entriesOf, failure, unwrap, type TestClient } from '../test-support/test-core';
import {
  addSimRouter,
  bringBack,
  networkOffice,
  rowsOf,
  secretsOf,
  takeOffline,
} from '../test-support/network-fixtures';

const queueOf = async (who: TestClient) => unwrap(await who.call('sync.queue', {}));

describe('provisioning queue', () => {
  it('queues router work in the transaction of the change and pushes it, logged under the same correlation id', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin, { rateDownKbps: 20_000, rateUpKbps: 5_000 });
    const c = await makeClient(o.tech, plan.id, {
      routerId: router.id,
      serviceLogin: 'amina',
      servicePassword: 'Sup3r-Secret',
      staticIp: '10.20.0.7',
    });
    // Committed with the client, nothing pushed yet.
    const created = entriesOf(o.core, 'client.created').at(-1);
    const [item] = (await queueOf(o.tech)).items;
    expect(item).toMatchObject({
      routerId: router.id,
      subject: 'client',
      subjectId: c.id,
      reason: 'client.created',
      attempts: 0,
      correlationId: created?.correlationId,
    });
    expect(secretsOf(sim)).toEqual([]);

    const results = await o.core.services.sync.drain();
    expect(results).toEqual([
      { routerId: router.id, subject: 'client', subjectId: c.id, ok: true, error: null },
    ]);
    // Unpaid at sign-up: on the router, switched off until the first payment.
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({
        name: 'amina',
        password: 'Sup3r-Secret',
        service: 'pppoe',
        profile: 'home-10m',
        'remote-address': '10.20.0.7',
        disabled: 'true',
        comment: `ISP Desk ${c.accountNo}`,
      }),
    ]);
    expect(rowsOf(sim, '/ppp/profile').map((p) => [p.name, p['rate-limit']])).toEqual(
      // The isolation profile waits until someone is isolated with it.
      expect.arrayContaining([['home-10m', '5M/20M']]),
    );
    expect((await queueOf(o.tech)).total).toBe(0);
    const [pushed] = entriesOf(o.core, 'sync.pushed');
    expect(pushed).toMatchObject({
      type: 'system',
      category: 'auto_sync',
      actor: null,
      routerId: router.id,
      clientId: c.id,
      correlationId: created?.correlationId,
    });
    expect(pushed?.description).toContain('/ppp/secret add');
    const commands = (
      pushed?.details as {
        commands: { menu: string; verb: string; args: Record<string, string> }[];
      }
    ).commands;
    expect(commands).toContainEqual(
      expect.objectContaining({
        menu: '/ppp/secret',
        verb: 'add',
        args: expect.objectContaining({ name: 'amina', profile: 'home-10m' }) as unknown,
        result: expect.stringMatching(/^ok \*/) as unknown,
      }),
    );
    expect(JSON.stringify(entriesOf(o.core, 'sync.pushed'))).not.toContain('Sup3r-Secret');

    // Paying restores the client at once: plan profile, still one secret.
    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    await o.core.services.sync.drain();
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({ name: 'amina', profile: 'home-10m' }),
    ]);
  });

  it('applies twice without changing anything the second time, and keeps one entry per client', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id });
    await o.core.services.sync.drain();
    const before = JSON.stringify(secretsOf(sim));
    const writesBefore = sim.received.filter((s) => !s.words[0]?.endsWith('/print')).length;
    // Queue the same client again (as a retry of an unknown outcome would) and apply.
    o.core.write(() =>
      o.core.sqlite
        .prepare(
          `INSERT INTO sync_queue (router_id, subject, subject_id, correlation_id, reason,
             next_attempt_at, created_at) VALUES (?, 'client', ?, 'again', 'test', 0, 0)`,
        )
        .run(router.id, c.id),
    );
    await o.core.services.sync.drain();
    expect(JSON.stringify(secretsOf(sim))).toBe(before);
    const writesAfter = sim.received.filter((s) => !s.words[0]?.endsWith('/print')).length;
    expect(writesAfter - writesBefore).toBe(0);
    expect(entriesOf(o.core, 'sync.pushed').at(-1)?.description).toContain('already in step');
  });

  it('changes on the router what changed in the office, kicks the session, and follows a router move and archive', async () => {
    const o = await networkOffice();
    const a = await addSimRouter(o.tech);
    const b = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: a.router.id, serviceLogin: 'bob' });
    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    await o.core.services.sync.drain();
    a.sim.pppConnect('bob');
    expect(rowsOf(a.sim, '/ppp/active')).toHaveLength(1);

    unwrap(
      await o.tech.call('clients.update', {
        id: c.id,
        servicePassword: 'New-Pass-2',
        serviceLogin: 'bobby',
      }),
    );
    await o.core.services.sync.drain();
    expect(secretsOf(a.sim)).toEqual([
      expect.objectContaining({ name: 'bobby', password: 'New-Pass-2', profile: 'home-10m' }),
    ]);
    expect(rowsOf(a.sim, '/ppp/active')).toEqual([]);

    // Notes do not concern the router: nothing is queued.
    unwrap(await o.tech.call('clients.update', { id: c.id, notes: 'gate code 1234' }));
    expect((await queueOf(o.tech)).total).toBe(0);

    unwrap(await o.tech.call('clients.update', { id: c.id, routerId: b.router.id }));
    expect((await queueOf(o.tech)).items.map((i) => i.routerId).sort()).toEqual(
      [a.router.id, b.router.id].sort(),
    );
    await o.core.services.sync.drain();
    expect(secretsOf(a.sim)).toEqual([]);
    expect(secretsOf(b.sim)).toEqual([expect.objectContaining({ name: 'bobby' })]);

    unwrap(await o.tech.call('clients.update', { id: c.id, status: 'suspended' }));
    await o.core.services.sync.drain();
    expect(secretsOf(b.sim)).toEqual([
      expect.objectContaining({ name: 'bobby', profile: 'expired' }),
    ]);

    unwrap(await o.tech.call('clients.archive', { id: c.id }));
    await o.core.services.sync.drain();
    expect(secretsOf(b.sim)).toEqual([]);
  });

  it('pushes plan changes to the profile and moves clients when the profile name changes', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id });
    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    await o.core.services.sync.drain();
    unwrap(
      await o.admin.call('plans.update', {
        id: plan.id,
        rateDownKbps: 30_000,
        routerProfile: 'home-30m',
      }),
    );
    await o.core.services.sync.drain();
    const profiles = rowsOf(sim, '/ppp/profile');
    expect(profiles.find((p) => p.name === 'home-30m')?.['rate-limit']).toBe('5M/30M');
    expect(secretsOf(sim)).toEqual([expect.objectContaining({ profile: 'home-30m' })]);
  });

  it('a change that fails validation queues nothing (same transaction)', async () => {
    const o = await networkOffice();
    const { router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'taken' });
    await o.core.services.sync.drain();
    const other = await makeClient(o.tech, plan.id, { routerId: router.id });
    await o.core.services.sync.drain();
    failure(
      await o.tech.call('clients.update', { id: other.id, serviceLogin: 'taken' }),
      'conflict',
    );
    expect((await queueOf(o.tech)).total).toBe(0);
  });

  it('queues while the router is down, logs the failure once, retries, then drains when it is back', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'carol' });
    await o.core.services.sync.drain();
    await takeOffline(sim);

    unwrap(await o.cashier.call('billing.pay', { clientId: c.id, amount: 2_500, method: 'cash' }));
    const [first] = await o.core.services.sync.drain();
    expect(first?.ok).toBe(false);
    let queue = await queueOf(o.tech);
    expect(queue.items).toEqual([
      expect.objectContaining({
        attempts: 1,
        reason: 'subscription.renewed',
        lastError: expect.stringContaining('refused') as unknown,
      }),
    ]);
    const failed = entriesOf(o.core, 'sync.push_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ outcome: 'failure', routerId: router.id, clientId: c.id });
    // Not due yet: backing off.
    expect(await o.core.services.sync.drain()).toEqual([]);
    o.tc.clock.advance(60_000);
    await o.core.services.sync.drain();
    queue = await queueOf(o.tech);
    expect(queue.items[0]?.attempts).toBe(2);
    expect(entriesOf(o.core, 'sync.push_failed')).toHaveLength(1);

    await bringBack(sim);
    // The health check sees it back and makes the queue due at once.
    await o.core.services.health.pollNow([router.id]);
    await o.core.services.sync.drain();
    expect((await queueOf(o.tech)).total).toBe(0);
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({ name: 'carol', profile: 'home-10m' }),
    ]);
    const preview = unwrap(await o.tech.call('sync.preview', { scope: { routerId: router.id } }));
    expect(preview.counts).toEqual({ missing: 0, unknown: 0, different: 0 });
  });

  it('shows the queue to readers and lets technicians retry now', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    await takeOffline(sim);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id });
    await o.core.services.sync.drain();
    const list = unwrap(await o.viewer.call('sync.queue', { routerId: router.id }));
    expect(list.items).toEqual([
      expect.objectContaining({
        subjectLabel: `${c.accountNo} ${c.fullName}`,
        routerName: router.name,
        attempts: 1,
      }),
    ]);
    expect(unwrap(await o.viewer.call('routers.get', { id: router.id })).pendingChanges).toBe(1);
    failure(await o.viewer.call('sync.retryNow', {}), 'forbidden');
    expect(unwrap(await o.tech.call('sync.retryNow', { routerId: router.id }))).toEqual({
      rescheduled: 1,
    });
    await bringBack(sim);
    await o.core.services.sync.drain();
    expect(secretsOf(sim)).toHaveLength(1);
  });
});
