import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouterOsSimulator } from '../../../routeros-sim/server/routeros-simulator';
import { startSim } from '../../../routeros-sim/testing/sim-fixture';
import { RouterError } from '../router-error';
import { RouterSession } from '../router-session';
import { connectRouterOs } from '../routeros.adapter';
import {
  addressListMenu,
  hotspotActiveMenu,
  hotspotProfileMenu,
  hotspotUserMenu,
  interfaceMenu,
  ipPoolMenu,
  pppActiveMenu,
  pppProfileMenu,
  pppSecretMenu,
  queueSimpleMenu,
  systemIdentityMenu,
  systemResourceMenu,
} from './isp-menus';
import { MenuClient } from './menu-client';

/** Conformance of the simulator through node-routeros, via the adapter and the typed layer. */
let sim: RouterOsSimulator;
let session: RouterSession;
let menus: MenuClient;

const trapOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RouterError && e.kind === 'trap') return e.routerMessage ?? '';
    throw e;
  }
  throw new Error('expected a trap');
};

for (const version of ['6.49', '7.19'] as const) {
  describe(`typed menus on ${version}`, () => {
    beforeEach(async () => {
      const started = await startSim({ version, seed: 11 });
      sim = started.sim;
      session = new RouterSession(started.endpoint, {
        connector: connectRouterOs(),
        idleCloseMs: 0,
      });
      menus = new MenuClient(session);
    });

    afterEach(async () => {
      await session.close();
      await sim.stop();
    });

    it('PPP secrets: add, find, set, disable, enable, unset, remove, with router messages', async () => {
      const id = await menus.add(pppSecretMenu, {
        name: 'ana@isp',
        password: 's3cret',
        service: 'pppoe',
        profile: 'PLAN-10M',
        remoteAddress: '10.20.0.99',
        comment: 'Ana Pérez',
      });
      expect(id).toMatch(/^\*[0-9A-F]+$/);
      const row = await menus.findByName(pppSecretMenu, 'ana@isp');
      expect(row).toEqual({
        id,
        name: 'ana@isp',
        service: 'pppoe',
        password: 's3cret',
        profile: 'PLAN-10M',
        callerId: '',
        remoteAddress: '10.20.0.99',
        limitBytesIn: 0,
        limitBytesOut: 0,
        disabled: false,
        comment: 'Ana Pérez',
      });
      expect(await trapOf(menus.add(pppSecretMenu, { name: 'ana@isp' }))).toBe(
        'failure: secret with the same name already exists',
      );
      expect(await trapOf(menus.add(pppSecretMenu, { name: 'bob', profile: 'NOPE' }))).toBe(
        'input does not match any value of profile',
      );
      await menus.set(pppSecretMenu, id, { profile: 'PLAN-20M' });
      await menus.disable(pppSecretMenu, id);
      expect(await menus.findByName(pppSecretMenu, 'ana@isp')).toMatchObject({
        profile: 'PLAN-20M',
        disabled: true,
      });
      await menus.enable(pppSecretMenu, id);
      await menus.unset(pppSecretMenu, id, 'comment');
      const after = await menus.findByName(pppSecretMenu, 'ana@isp');
      expect(after?.disabled).toBe(false);
      expect(after && 'comment' in after).toBe(false);
      expect(await menus.count(pppSecretMenu, { disabled: true })).toBe(1);
      await menus.remove(pppSecretMenu, id);
      expect(await menus.findByName(pppSecretMenu, 'ana@isp')).toBeNull();
      expect((await trapOf(menus.remove(pppSecretMenu, id))).startsWith('no such item')).toBe(true);
    });

    it('PPP profiles, pools and built-ins', async () => {
      const profiles = await menus.list(pppProfileMenu);
      expect(profiles.slice(0, 2).map((p) => [p.id, p.name, p.isDefault])).toEqual([
        ['*0', 'default', true],
        ['*FFFFFFFE', 'default-encryption', true],
      ]);
      await menus.add(ipPoolMenu, { name: 'pool-b', ranges: '10.40.0.2-10.40.0.200' });
      expect(await trapOf(menus.add(ipPoolMenu, { name: 'pool-b', ranges: '10.41.0.0/24' }))).toBe(
        'failure: already have such name',
      );
      const id = await menus.add(pppProfileMenu, {
        name: 'PLAN-50M',
        localAddress: '10.40.0.1',
        remoteAddress: 'pool-b',
        rateLimit: '25M/50M',
        onlyOne: 'yes',
      });
      expect(await menus.findByName(pppProfileMenu, 'PLAN-50M')).toMatchObject({
        id,
        rateLimit: '25M/50M',
        remoteAddress: 'pool-b',
        isDefault: false,
      });
      expect(await trapOf(menus.add(pppProfileMenu, { name: 'X', remoteAddress: 'no-pool' }))).toBe(
        sim.state.messages.inputDoesNotMatch('remote-address'),
      );
    });

    it('simple queues normalise rates to bits and targets to prefixes', async () => {
      const id = await menus.add(queueSimpleMenu, {
        name: 'ana',
        target: '10.20.0.99',
        maxLimit: '10M/20M',
      });
      expect(await menus.findByName(queueSimpleMenu, 'ana')).toMatchObject({
        id,
        target: '10.20.0.99/32',
        maxLimit: '10000000/20000000',
        limitAt: '0/0',
        dynamic: false,
      });
      expect(await trapOf(menus.add(queueSimpleMenu, { name: 'ana', target: '10.0.0.1' }))).toBe(
        'failure: already have such name',
      );
      expect(
        await trapOf(
          menus.add(queueSimpleMenu, {
            name: 'x',
            target: '10.0.0.2',
            maxLimit: '1M',
            limitAt: '2M',
          }),
        ),
      ).toBe('failure: upload-max-limit less than upload-limit');
    });

    it('address lists: exact duplicate message, prefix normalisation, timeout expiry', async () => {
      const id = await menus.add(addressListMenu, { list: 'blocked', address: '203.0.113.77/24' });
      expect(await menus.list(addressListMenu, { list: 'blocked' })).toEqual([
        expect.objectContaining({ id, address: '203.0.113.0/24', dynamic: false, disabled: false }),
      ]);
      expect(
        await trapOf(menus.add(addressListMenu, { list: 'blocked', address: '203.0.113.0/24' })),
      ).toBe('failure: already have such entry');
      await menus.add(addressListMenu, { list: 'temp', address: '198.51.100.7', timeout: '1h' });
      expect(await menus.list(addressListMenu, { list: 'temp' })).toEqual([
        expect.objectContaining({ timeout: '1h', dynamic: true }),
      ]);
      sim.advance(30 * 60_000);
      expect((await menus.list(addressListMenu, { list: 'temp' }))[0]?.timeout).toBe('30m');
      sim.advance(30 * 60_000);
      expect(await menus.list(addressListMenu, { list: 'temp' })).toEqual([]);
    });

    it('hotspot users and profiles', async () => {
      const users = await menus.list(hotspotUserMenu);
      expect(users.map((u) => u.name)).toContain('default-trial');
      await menus.add(hotspotProfileMenu, {
        name: '1d-pass',
        sharedUsers: '2',
        rateLimit: '4M/4M',
      });
      const id = await menus.add(hotspotUserMenu, {
        name: 'guest02',
        password: 'x',
        profile: '1d-pass',
      });
      expect(await trapOf(menus.add(hotspotUserMenu, { name: 'guest02' }))).toBe(
        'failure: already have user with this name for this server',
      );
      await menus.add(hotspotUserMenu, { name: 'guest02', server: 'hotspot2' });
      await menus.set(hotspotUserMenu, id, { limitUptime: '1h' });
      expect(await menus.findByName(hotspotUserMenu, 'guest02')).toMatchObject({
        limitUptime: '1h',
        profile: '1d-pass',
      });
    });

    it('sessions: PPP and hotspot logins appear, kicks end them with side effects', async () => {
      sim.pppConnect('cliente002', { callerId: 'B0:A7:B9:9E:E2:E3' });
      sim.hotspotLogin('guest01', { address: '10.30.0.50' });
      const [active] = await menus.list(pppActiveMenu);
      expect(active).toMatchObject({
        name: 'cliente002',
        callerId: 'B0:A7:B9:9E:E2:E3',
        service: 'pppoe',
      });
      expect(await menus.findByName(interfaceMenu, '<pppoe-cliente002>')).toMatchObject({
        type: 'pppoe-in',
        dynamic: true,
      });
      expect(await menus.findByName(queueSimpleMenu, '<pppoe-cliente002>')).toMatchObject({
        maxLimit: '5000000/20000000',
        dynamic: true,
      });
      sim.advance(65_000);
      expect((await menus.list(pppActiveMenu))[0]?.uptime).toBe('1m5s');
      await menus.remove(pppActiveMenu, active?.id ?? '');
      expect(await menus.list(pppActiveMenu)).toEqual([]);
      expect(await menus.findByName(interfaceMenu, '<pppoe-cliente002>')).toBeNull();
      expect(await menus.findByName(queueSimpleMenu, '<pppoe-cliente002>')).toBeNull();
      const secret = await menus.findByName(pppSecretMenu, 'cliente002');
      expect(secret?.lastCallerId).toBe('B0:A7:B9:9E:E2:E3');
      expect(secret?.lastDisconnectReason).toBe(sim.state.messages.kickReason);
      expect(secret?.lastLoggedOut).toBe(
        version === '6.49' ? 'nov/29/2024 14:18:50' : '2024-11-29 14:18:50',
      );
      const [hs] = await menus.list(hotspotActiveMenu);
      expect(hs).toMatchObject({ user: 'guest01', address: '10.30.0.50' });
      await menus.remove(hotspotActiveMenu, hs?.id ?? '');
      expect(await menus.list(hotspotActiveMenu)).toEqual([]);
    });

    it('interfaces, identity and resource', async () => {
      const ether2 = await menus.findByName(interfaceMenu, 'ether2');
      expect(ether2).toMatchObject({ type: 'ether', running: true, disabled: false });
      await menus.disable(interfaceMenu, ether2?.id ?? '');
      expect(await menus.findByName(interfaceMenu, 'ether2')).toMatchObject({
        running: false,
        disabled: true,
      });
      await menus.set(interfaceMenu, ether2?.id ?? '', { comment: 'uplink' });
      expect((await menus.findByName(interfaceMenu, 'ether2'))?.comment).toBe('uplink');
      await menus.set(systemIdentityMenu, '', { name: 'Torre-Norte' });
      expect(await menus.read(systemIdentityMenu)).toEqual({ name: 'Torre-Norte' });
      const res = await menus.read(systemResourceMenu);
      expect(res.version).toBe(version === '6.49' ? '6.49.10 (long-term)' : '7.19.4 (stable)');
      expect(res.uptime).toBe('0s');
      sim.advance(((2 * 24 + 3) * 60 + 4) * 60_000 + 5_000);
      expect((await menus.read(systemResourceMenu)).uptime).toBe('2d3h4m5s');
      expect(res.cpuLoad).toBeGreaterThanOrEqual(0);
    });

    it('refuses malformed ids before sending anything', async () => {
      await expect(menus.remove(pppSecretMenu, '*1,*2')).rejects.toMatchObject({
        kind: 'invalid_request',
      });
    });
  });
}
