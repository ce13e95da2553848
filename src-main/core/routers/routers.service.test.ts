import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startSim, TEST_USER } from '../../routeros-sim/testing/sim-fixture';
import { makeClient, makePlan } from '../test-support/office-fixtures';
import { createSecretBox, SECRET_KEY_FILE } from '../shared/secret-box';
import { entriesOf, failure, unwrap } from '../test-support/test-core';
import { addSimRouter, networkOffice } from '../test-support/network-fixtures';
import { ROUTER_PASSWORD_PURPOSE } from './router-access';

describe('routers', () => {
  it('adds a router with its API password sealed at rest, and logs it without the password', async () => {
    const o = await networkOffice();
    const r = unwrap(
      await o.tech.call('routers.create', {
        name: 'Tower North',
        host: '10.9.0.1',
        apiUser: 'isp-desk',
        password: 'Rtr-Pa55!',
        tls: 'anonymous',
      }),
    );
    expect(r).toMatchObject({
      name: 'Tower North',
      host: '10.9.0.1',
      port: null,
      tls: 'anonymous',
      pollIntervalSec: 30,
      enabled: true,
      status: 'unknown',
      pendingChanges: 0,
      clientCount: 0,
    });
    expect(JSON.stringify(r)).not.toContain('Rtr-Pa55!');
    const { box } = o.core.sqlite
      .prepare('SELECT password_box AS box FROM routers WHERE id = ?')
      .get(r.id) as { box: string };
    expect(box).not.toContain('Rtr-Pa55!');
    const key = createSecretBox(readFileSync(join(o.tc.dataDir, SECRET_KEY_FILE)));
    expect(key.open(box, ROUTER_PASSWORD_PURPOSE)).toBe('Rtr-Pa55!');
    expect(() => key.open(box, 'client.service_password')).toThrow();
    const [e] = entriesOf(o.core, 'router.created');
    expect(e).toMatchObject({
      type: 'administrative',
      category: 'network',
      routerId: r.id,
      description: 'tech added router "Tower North" at 10.9.0.1:8729',
      details: { after: { name: 'Tower North', password: '[redacted]' } },
    });
    expect(JSON.stringify(entriesOf(o.core, 'router.created'))).not.toContain('Rtr-Pa55!');
    failure(
      await o.tech.call('routers.create', {
        name: 'tower north',
        host: '10.9.0.2',
        apiUser: 'x',
        password: 'y',
      }),
      'conflict',
    );
  });

  it('logs changes, disabling, enabling and removal; refuses to remove a router that serves clients', async () => {
    const o = await networkOffice();
    const r = unwrap(
      await o.tech.call('routers.create', {
        name: 'Core',
        host: '10.9.0.1',
        apiUser: 'api',
        password: 'one',
      }),
    );
    unwrap(await o.tech.call('routers.update', { id: r.id, pollIntervalSec: 60, password: 'two' }));
    const [u] = entriesOf(o.core, 'router.updated');
    expect(u?.description).toBe(
      'tech changed router "Core": Poll interval (seconds) 30 → 60, API password changed',
    );
    expect(u?.details).toEqual({
      before: { pollIntervalSec: 30, password: '[redacted]' },
      after: { pollIntervalSec: 60, password: '[redacted]' },
    });
    // The same password again is no change.
    unwrap(await o.tech.call('routers.update', { id: r.id, password: 'two' }));
    expect(entriesOf(o.core, 'router.updated')).toHaveLength(1);

    expect(unwrap(await o.tech.call('routers.disable', { id: r.id }))).toMatchObject({
      enabled: false,
      status: 'unknown',
    });
    unwrap(await o.tech.call('routers.enable', { id: r.id }));
    expect(entriesOf(o.core, 'router.disabled')).toHaveLength(1);
    expect(entriesOf(o.core, 'router.enabled')).toHaveLength(1);

    const plan = await makePlan(o.admin);
    const c = await makeClient(o.tech, plan.id, { routerId: r.id });
    expect(unwrap(await o.viewer.call('routers.get', { id: r.id })).clientCount).toBe(1);
    const refused = failure(await o.tech.call('routers.delete', { id: r.id }), 'conflict');
    expect(refused.message).toContain('still serves 1 client');
    unwrap(await o.tech.call('clients.update', { id: c.id, routerId: null }));
    unwrap(await o.tech.call('routers.delete', { id: r.id }));
    expect(unwrap(await o.viewer.call('routers.list', undefined))).toEqual([]);
    expect(entriesOf(o.core, 'router.removed')[0]?.description).toMatch(/removed router "Core"/);
    // Its queue went with it.
    expect(o.core.sqlite.prepare('SELECT count(*) AS n FROM sync_queue').get()).toEqual({ n: 0 });
  });

  it('tests a connection: identity, version and board, or the error in plain words', async () => {
    const o = await networkOffice();
    const { sim, endpoint } = await startSim({
      version: '7.16',
      identity: 'Torre-Sur',
      data: 'minimal',
    });
    try {
      const ok = unwrap(
        await o.tech.call('routers.testConnection', {
          host: '127.0.0.1',
          port: sim.port,
          apiUser: TEST_USER.name,
          password: TEST_USER.password,
        }),
      );
      expect(ok).toMatchObject({
        ok: true,
        identity: 'Torre-Sur',
        version: expect.stringMatching(/^7\.16/) as unknown,
      });
      expect(ok.ok && ok.board.length > 0).toBe(true);

      const wrong = unwrap(
        await o.tech.call('routers.testConnection', {
          host: '127.0.0.1',
          port: endpoint.port ?? 0,
          apiUser: TEST_USER.name,
          password: 'nope',
        }),
      );
      expect(wrong).toMatchObject({
        ok: false,
        kind: 'auth_failed',
        message: 'The router refused the API user name or password.',
      });

      const noApi = unwrap(
        await o.tech.call('routers.testConnection', {
          host: '127.0.0.1',
          port: sim.port,
          apiUser: 'noapi',
          password: 'noapi',
        }),
      );
      expect(noApi).toMatchObject({ ok: false, kind: 'auth_failed' });
      expect(noApi.ok ? '' : noApi.message).toContain('"api" policy');

      // A saved router, with a changed port that nobody listens on.
      const saved = await addSimRouter(o.tech, { name: 'Saved' });
      await saved.sim.stop();
      const refused = unwrap(await o.tech.call('routers.testConnection', { id: saved.router.id }));
      expect(refused).toMatchObject({ ok: false, kind: 'unreachable' });
      expect(refused.ok ? '' : refused.message).toContain('refused the connection');
      const tested = entriesOf(o.core, 'router.connection_tested');
      expect(tested.map((e) => e.outcome)).toEqual(['success', 'failure', 'failure', 'failure']);
      expect(tested[3]).toMatchObject({
        routerId: saved.router.id,
        type: 'user',
        category: 'network',
      });
      expect(JSON.stringify(tested)).not.toContain(TEST_USER.password);
    } finally {
      await sim.stop();
    }
  });

  it('sends a saved API password only to the address and user it was saved with', async () => {
    const o = await networkOffice();
    const saved = await addSimRouter(o.tech, { name: 'Saved' });
    const id = saved.router.id;
    // Someone else's listener on this machine: it keeps every byte it is sent.
    const received: Buffer[] = [];
    const listener = createServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        socket.destroy();
      });
    });
    await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
    onTestFinished(() => new Promise<void>((ok) => listener.close(() => ok())));
    const port = (listener.address() as AddressInfo).port;
    const heard = () => Buffer.concat(received).toString('latin1');

    const before = unwrap(await o.tech.call('routers.get', { id }));
    const retype = /^Type the API password again/;
    for (const change of [
      { port },
      { host: 'localhost' },
      { tls: 'insecure' as const },
      { tls: 'anonymous' as const, port: saved.sim.port },
      { apiUser: 'someone-else' },
      { port: null },
    ]) {
      const tested = failure(
        await o.tech.call('routers.testConnection', { id, ...change }),
        'validation',
      );
      expect(tested.message).toMatch(retype);
      const updated = failure(await o.tech.call('routers.update', { id, ...change }), 'validation');
      expect(updated.message).toMatch(retype);
      expect(updated.details).toEqual({
        issues: [
          {
            path: ['password'],
            message: 'Type the API password again for the new address or user.',
          },
        ],
      });
    }
    // Nothing changed, so health polls and syncs still go to the saved address only.
    expect(unwrap(await o.tech.call('routers.get', { id }))).toMatchObject({
      host: before.host,
      port: before.port,
      tls: before.tls,
      apiUser: before.apiUser,
    });
    expect(entriesOf(o.core, 'router.updated')).toHaveLength(0);
    unwrap(await o.tech.call('sync.apply', { scope: { all: true } }));
    expect(unwrap(await o.tech.call('routers.testConnection', { id }))).toMatchObject({ ok: true });
    // The same address written differently is the same address.
    unwrap(await o.tech.call('routers.update', { id, host: '127.0.0.1', notes: 'same place' }));
    expect(received).toHaveLength(0);

    // With the password typed again, the new address gets what was typed, never the saved one.
    const typed = unwrap(
      await o.tech.call('routers.testConnection', { id, port, password: 'typed-for-the-test' }),
    );
    expect(typed.ok).toBe(false);
    await expect.poll(heard).toContain('typed-for-the-test');
    unwrap(await o.tech.call('routers.update', { id, port, password: 'typed-for-the-update' }));
    unwrap(await o.tech.call('routers.testConnection', { id }));
    await expect.poll(heard).toContain('typed-for-the-update');
    expect(heard()).not.toContain(TEST_USER.password);
  });

  it('lets viewers read routers and only technicians and administrators change them', async () => {
    const o = await networkOffice();
    const input = { name: 'X', host: '10.0.0.1', apiUser: 'a', password: 'b' };
    failure(await o.viewer.call('routers.create', input), 'forbidden');
    failure(await o.cashier.call('routers.list', undefined), 'forbidden');
    const r = unwrap(await o.admin.call('routers.create', input));
    expect(unwrap(await o.viewer.call('routers.list', undefined))).toHaveLength(1);
    failure(await o.viewer.call('routers.disable', { id: r.id }), 'forbidden');
    failure(await o.viewer.call('sync.apply', { scope: { all: true } }), 'forbidden');
    failure(await o.cashier.call('expiry.run', undefined), 'forbidden');
    unwrap(
      await o.tech.call('routers.updateSettings', { expiryIntervalMin: 10, autoSyncFix: true }),
    );
    expect(unwrap(await o.viewer.call('routers.settings', undefined))).toMatchObject({
      expiryIntervalMin: 10,
      autoSyncFix: true,
    });
    expect(entriesOf(o.core, 'network.settings_updated')[0]?.description).toBe(
      'tech changed network settings: Auto-sync fixes drift No → Yes, Expiry interval (minutes) 5 → 10',
    );
  });
});
