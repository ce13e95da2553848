import { RouterOSClient } from 'routeros-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouterOsSimulator } from './server/routeros-simulator';
import { startSim, TEST_USER } from './testing/sim-fixture';

/**
 * The simulator through a second, independent client layer: routeros-client 1.1.2 builds its own
 * query words (`?#|`, `?#!`, `?-`, `?>`), `.proplist`, `=numbers=` and follow-up prints, and
 * converts values itself. This file does not load the app's adapter, so node-routeros runs
 * unpatched here; the profile is 7.16 (no `!empty`, which unpatched node-routeros cannot take).
 */
let sim: RouterOsSimulator;
let client: RouterOSClient;

const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? (value as unknown[]).filter(
        (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
      )
    : [];

const one = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('expected one row');
  return value as Record<string, unknown>;
};

beforeEach(async () => {
  const started = await startSim({ version: '7.16', seed: 3 });
  sim = started.sim;
  client = new RouterOSClient({
    host: '127.0.0.1',
    port: sim.port,
    user: TEST_USER.name,
    password: TEST_USER.password,
    timeout: 5,
  });
  client.on('error', () => undefined);
  await client.connect();
});

afterEach(async () => {
  await client.close();
  await sim.stop();
});

describe('routeros-client against the simulator', () => {
  it('prints with where / orWhere / whereNot / whereEmpty / whereNotEmpty and select', async () => {
    const secrets = client.api().menu('/ppp secret');
    const plan10 = rows(await secrets.where('profile', 'PLAN-10M').select(['name']).get());
    expect(plan10.map((r) => r.name)).toEqual(['cliente001', 'cliente003', 'cliente005']);
    const either = rows(
      await client
        .api()
        .menu('/ppp secret')
        .where('name', 'cliente001')
        .orWhere('name', 'cliente004')
        .get(),
    );
    expect(either.map((r) => r.name)).toEqual(['cliente001', 'cliente004']);
    const notPlan10 = rows(
      await client.api().menu('/ppp secret').whereNot('profile', 'PLAN-10M').get(),
    );
    expect(notPlan10.map((r) => r.name)).toEqual(['cliente002', 'cliente004']);
    const commented = rows(await client.api().menu('/ppp secret').whereNotEmpty('comment').get());
    expect(commented.map((r) => r.name)).toEqual(['cliente005']);
    const uncommented = rows(await client.api().menu('/ppp secret').whereEmpty('comment').get());
    expect(uncommented).toHaveLength(4);
    const disabled = rows(await client.api().menu('/ppp secret').where({ disabled: true }).get());
    expect(disabled.map((r) => [r.name, r.disabled])).toEqual([['cliente005', true]]);
    await client.api().menu('/interface').where('name', 'ether2').update({ mtu: '9000' });
    const jumbo = rows(
      await client
        .api()
        .menu('/interface')
        .where('type', 'ether')
        .whereHigher('mtu', '1500')
        .select('name')
        .get(),
    );
    expect(jumbo.map((r) => r.name)).toEqual(['ether2']);
  });

  it('adds (and reads the row back by id), updates, disables, enables, unsets and removes', async () => {
    const queues = client.api().menu('/queue simple');
    const added = one(
      await queues.add({ name: 'ana', target: '10.9.9.9', maxLimit: '10M/5M', comment: 'x' }),
    );
    expect(added).toMatchObject({
      name: 'ana',
      target: '10.9.9.9/32',
      maxLimit: '10000000/5000000',
      dynamic: false,
    });
    expect(String(added.id)).toMatch(/^\*[0-9A-F]+$/);
    const updated = one(
      await client.api().menu('/queue simple').where('name', 'ana').update({ limitAt: '1M/1M' }),
    );
    expect(updated.limitAt).toBe('1000000/1000000');
    const disabled = one(await client.api().menu('/queue simple').disable(String(added.id)));
    expect(disabled.disabled).toBe(true);
    const enabled = one(await client.api().menu('/queue simple').enable(String(added.id)));
    expect(enabled.disabled).toBe(false);
    const unset = one(await client.api().menu('/queue simple').unset('comment', String(added.id)));
    expect(unset.comment).toBeUndefined();
    await client.api().menu('/queue simple').where('name', 'ana').remove();
    expect(rows(await client.api().menu('/queue simple').where('name', 'ana').get())).toEqual([]);
  });

  it('gets router errors as rejections with the router message', async () => {
    await expect(client.api().menu('/ppp secret').add({ name: 'cliente001' })).rejects.toThrow(
      'failure: secret with the same name already exists',
    );
    await expect(client.api().menu('/ip adress').get()).rejects.toThrow(
      'no such command or directory (adress)',
    );
    await expect(
      client
        .api()
        .menu('/ip firewall address-list')
        .add({ list: 'suspended', address: '10.20.0.15' }),
    ).rejects.toThrow('failure: already have such entry');
  });

  it('reads singletons, sessions and counts', async () => {
    const identity = rows(await client.api().menu('/system identity').get());
    expect(identity).toEqual([{ $$path: '/system/identity', name: 'MikroTik' }]);
    sim.pppConnect('cliente003');
    const active = rows(await client.api().menu('/ppp active').get());
    expect(active.map((a) => a.name)).toEqual(['cliente003']);
    const resource = rows(await client.api().menu('/system resource').get())[0];
    expect(resource?.platform).toBe('MikroTik');
    expect(resource?.uptime).toBe('0s');
    expect(rows(await client.api().menu('/ip hotspot active').get())).toEqual([]);
  });
});
