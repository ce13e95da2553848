import { describe, expect, it } from 'vitest';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { pppProfileMenu, pppSecretMenu } from '../routeros-client/menus/isp-menus';
import { entriesOf, unwrap } from '../test-support/test-core';
import {
  addSimRouter,
  handEdit,
  networkOffice,
  pay,
  secretsOf,
} from '../test-support/network-fixtures';

describe('auto-sync', () => {
  it('reports exactly the hand-made drift, fixes it, and deletes unknown entries only when confirmed', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const amina = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'amina' });
    const bob = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'bob' });
    await pay(o, amina.id);
    await pay(o, bob.id);
    await o.core.services.sync.drain();
    const clean = unwrap(await o.viewer.call('sync.preview', { scope: { routerId: router.id } }));
    expect(clean.counts).toEqual({ missing: 0, unknown: 0, different: 0 });
    expect(clean.routers[0]).toMatchObject({ reachable: true, checked: 3 });

    // Behind the app's back: an unknown secret, and bob on another profile.
    const winbox = handEdit(sim);
    await winbox.add(pppSecretMenu, { name: 'intruder', password: 'x', profile: 'default' });
    const bobRow = await winbox.findByName(pppSecretMenu, 'bob');
    await winbox.set(pppSecretMenu, bobRow?.id ?? '', { profile: 'default' });

    const preview = unwrap(await o.viewer.call('sync.preview', { scope: { routerId: router.id } }));
    expect(preview.counts).toEqual({ missing: 0, unknown: 1, different: 1 });
    const intruderKey = preview.routers[0]?.drift.find((d) => d.kind === 'unknown')?.key ?? '';
    expect(preview.routers[0]?.drift).toEqual([
      {
        key: 'ppp-secret:bob',
        menu: 'ppp-secret',
        kind: 'different',
        name: 'bob',
        clientId: bob.id,
        planId: null,
        fields: [{ field: 'profile', router: 'default', desired: 'home-10m' }],
        action: 'set',
      },
      {
        key: expect.stringMatching(/^ppp-secret:intruder@\*[0-9A-F]+$/) as unknown,
        menu: 'ppp-secret',
        kind: 'unknown',
        name: 'intruder',
        clientId: null,
        planId: null,
        fields: [],
        action: 'keep',
      },
    ]);
    // One client's scope shows only that client.
    const one = unwrap(await o.viewer.call('sync.preview', { scope: { clientId: bob.id } }));
    expect(one.routers[0]?.drift.map((d) => d.name)).toEqual(['bob']);
    // A preview writes nothing, to the router or the log.
    expect(secretsOf(sim).find((s) => s.name === 'bob')?.profile).toBe('default');

    const applied = unwrap(await o.tech.call('sync.apply', { scope: { routerId: router.id } }));
    expect(applied.routers[0]).toMatchObject({
      reachable: true,
      added: 0,
      updated: 1,
      removed: 0,
      unknownKept: 1,
      failed: 0,
    });
    expect(
      secretsOf(sim)
        .map((s) => [s.name, s.profile])
        .sort(),
    ).toEqual([
      ['amina', 'home-10m'],
      ['bob', 'home-10m'],
      ['intruder', 'default'],
    ]);
    const [op] = entriesOf(o.core, 'sync.applied');
    expect(op).toMatchObject({
      type: 'administrative',
      category: 'auto_sync',
      routerId: router.id,
      correlationId: applied.correlationId,
      description: 'tech ran auto-sync on 1 router: 0 added, 1 changed, 0 removed, 0 failed',
    });
    expect(JSON.stringify(op?.details)).toContain('"unknownKept":["ppp-secret intruder"]');

    unwrap(
      await o.tech.call('sync.apply', {
        scope: { routerId: router.id },
        removeUnknown: [{ routerId: router.id, key: intruderKey }],
      }),
    );
    expect(
      secretsOf(sim)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['amina', 'bob']);
    expect(unwrap(await o.viewer.call('sync.preview', { scope: { all: true } })).counts).toEqual({
      missing: 0,
      unknown: 0,
      different: 0,
    });
  });

  it('puts back what was deleted by hand and fixes a changed plan profile', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'carol' });
    await pay(o, c.id);
    await o.core.services.sync.drain();
    const winbox = handEdit(sim);
    const row = await winbox.findByName(pppSecretMenu, 'carol');
    await winbox.remove(pppSecretMenu, row?.id ?? '');
    const profile = await winbox.findByName(pppProfileMenu, 'home-10m');
    await winbox.set(pppProfileMenu, profile?.id ?? '', { rateLimit: '1M/1M' });
    const preview = unwrap(await o.viewer.call('sync.preview', { scope: { routerId: router.id } }));
    expect(preview.routers[0]?.drift.map((d) => [d.kind, d.menu, d.name, d.action])).toEqual([
      ['missing', 'ppp-secret', 'carol', 'add'],
      ['different', 'ppp-profile', 'home-10m', 'set'],
    ]);
    const applied = unwrap(await o.tech.call('sync.apply', { scope: { all: true } }));
    expect(applied.routers[0]).toMatchObject({ added: 1, updated: 1 });
    expect(secretsOf(sim)).toEqual([
      expect.objectContaining({ name: 'carol', profile: 'home-10m' }),
    ]);
  });

  it('periodic runs report drift, or fix it when the setting says so, never deleting unknown entries', async () => {
    const o = await networkOffice();
    const { sim, router } = await addSimRouter(o.tech);
    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: router.id, serviceLogin: 'dan' });
    await pay(o, c.id);
    await o.core.services.sync.drain();
    const winbox = handEdit(sim);
    await winbox.add(pppSecretMenu, { name: 'stranger', password: 'x' });
    const row = await winbox.findByName(pppSecretMenu, 'dan');
    await winbox.disable(pppSecretMenu, row?.id ?? '');

    await o.core.services.sync.autoRun();
    const [report] = entriesOf(o.core, 'sync.auto_run');
    expect(report).toMatchObject({ type: 'system', category: 'auto_sync', actor: null });
    expect(report?.description).toBe(
      'Auto-sync (report only) checked 1 router: 1 with drift, 0 entries fixed, 0 unreachable',
    );
    expect(secretsOf(sim).find((s) => s.name === 'dan')?.disabled).toBe('true');

    unwrap(await o.tech.call('routers.updateSettings', { autoSyncFix: true }));
    await o.core.services.sync.autoRun();
    expect(entriesOf(o.core, 'sync.auto_run')[1]?.description).toBe(
      'Auto-sync (fix) checked 1 router: 1 with drift, 1 entries fixed, 0 unreachable',
    );
    expect(
      secretsOf(sim)
        .map((s) => [s.name, s.disabled])
        .sort(),
    ).toEqual([
      ['dan', 'false'],
      ['stranger', 'false'],
    ]);
  });
});
