import { describe, expect, it } from 'vitest';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { entriesOf, unwrap } from '../test-support/test-core';
import {
  addSimRouter,
  networkOffice,
  pay,
  rowsOf,
  secretsOf,
  takeOffline,
} from '../test-support/network-fixtures';

const DAY = 86_400_000;

describe('expiry processing', () => {
  it('expires clients past expiry plus grace, isolates them and kicks their session, and summarises the run', async () => {
    const o = await networkOffice();
    const a = await addSimRouter(o.tech, { name: 'A' });
    const b = await addSimRouter(o.tech, { name: 'B' });
    const plan = await makePlan(o.admin, { graceDays: 2, validity: { unit: 'days', count: 30 } });
    const onA = await makeClient(o.tech, plan.id, { routerId: a.router.id, serviceLogin: 'ana' });
    const onB = await makeClient(o.tech, plan.id, { routerId: b.router.id, serviceLogin: 'ben' });
    const nowhere = await makeClient(o.tech, plan.id, { serviceLogin: 'nora' });
    for (const c of [onA, onB, nowhere]) await pay(o, c.id);
    await o.core.services.sync.drain();
    a.sim.pppConnect('ana');

    o.tc.clock.advance(31 * DAY);
    expect(unwrap(await o.tech.call('expiry.run', undefined)).expired).toBe(0);
    await takeOffline(b.sim);
    o.tc.clock.advance(2 * DAY);
    const run = unwrap(await o.tech.call('expiry.run', undefined));
    expect(run).toMatchObject({ expired: 3, isolated: 1, queued: 1, noRouter: 1 });
    expect(run.failures).toEqual([
      { reason: expect.stringContaining('refused the connection') as unknown, clients: 1 },
    ]);
    expect(unwrap(await o.viewer.call('clients.get', { id: onA.id })).status).toBe('expired');
    expect(secretsOf(a.sim)).toEqual([
      expect.objectContaining({ name: 'ana', profile: 'expired' }),
    ]);
    expect(rowsOf(a.sim, '/ppp/active')).toEqual([]);

    const expired = entriesOf(o.core, 'subscription.expired');
    expect(expired.map((e) => e.clientId).sort()).toEqual([onA.id, onB.id, nowhere.id].sort());
    expect(expired.find((e) => e.clientId === onA.id)).toMatchObject({
      type: 'system',
      category: 'expiry',
      routerId: a.router.id,
      correlationId: run.correlationId,
    });
    expect(expired.find((e) => e.clientId === onA.id)?.description).toBe(
      `Subscription of ${onA.accountNo} "${onA.fullName}" (${plan.name}) expired: isolated on router "A" (profile "expired")`,
    );
    expect(expired.find((e) => e.clientId === nowhere.id)?.description).toContain(
      'no router assigned',
    );
    const [summary] = entriesOf(o.core, 'expiry.run_completed').slice(-1);
    expect(summary).toMatchObject({ outcome: 'failure', correlationId: run.correlationId });
    expect(summary?.description).toBe(
      'Expiry run: 3 clients expired, 1 isolated on their router, 1 waiting in the queue, 1 without a router',
    );
    // The push to A is logged under the run's correlation id too.
    expect(
      entriesOf(o.core, 'sync.pushed').filter((e) => e.correlationId === run.correlationId),
    ).toHaveLength(1);
    // Idempotent: nobody left to expire.
    expect(unwrap(await o.tech.call('expiry.run', undefined)).expired).toBe(0);
    expect(unwrap(await o.tech.call('sync.queue', {})).items).toEqual([
      expect.objectContaining({ subjectId: onB.id, reason: 'subscription.expired', attempts: 1 }),
    ]);
  });

  it('isolates by address list or by disabling, as the plan says, and a payment restores at once', async () => {
    const o = await networkOffice({ network: { autoPush: true } });
    const { sim, router } = await addSimRouter(o.tech);
    const listPlan = await makePlan(o.admin, {
      name: 'List plan',
      routerProfile: 'list-10m',
      isolationProfile: null,
      isolationAddressList: 'morosos',
    });
    const disablePlan = await makePlan(o.admin, {
      name: 'Disable plan',
      routerProfile: 'dis-10m',
      expiryAction: 'disable',
      isolationProfile: null,
    });
    const listed = await makeClient(o.tech, listPlan.id, {
      routerId: router.id,
      serviceLogin: 'lia',
      staticIp: '10.20.0.40',
    });
    const disabled = await makeClient(o.tech, disablePlan.id, {
      routerId: router.id,
      serviceLogin: 'dov',
    });
    await pay(o, listed.id);
    await pay(o, disabled.id);
    await o.core.services.sync.drain();
    sim.pppConnect('lia');
    o.tc.clock.advance(32 * DAY);
    unwrap(await o.tech.call('expiry.run', undefined));
    expect(rowsOf(sim, '/ip/firewall/address-list')).toEqual([
      expect.objectContaining({
        list: 'morosos',
        address: '10.20.0.40',
        comment: `ISP Desk ${listed.accountNo}`,
      }),
    ]);
    expect(
      secretsOf(sim)
        .map((s) => [s.name, s.profile, s.disabled])
        .sort(),
    ).toEqual([
      ['dov', 'dis-10m', 'true'],
      ['lia', 'list-10m', 'false'],
    ]);
    expect(rowsOf(sim, '/ppp/active')).toEqual([]);

    // Pushed on commit, without anyone draining the queue.
    const pushed = sim.nextSentence((s) => s.words[0] === '/ip/firewall/address-list/remove');
    await pay(o, listed.id);
    await pushed;
    await o.core.services.sync.drain();
    expect(rowsOf(sim, '/ip/firewall/address-list')).toEqual([]);
    const enabled = sim.nextSentence((s) => s.words[0] === '/ppp/secret/set');
    await pay(o, disabled.id);
    await enabled;
    await o.core.services.sync.drain();
    expect(secretsOf(sim).find((s) => s.name === 'dov')?.disabled).toBe('false');
  });
});
