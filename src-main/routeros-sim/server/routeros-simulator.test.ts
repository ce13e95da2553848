import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RawApiClient } from '../testing/raw-api-client';
import { startSim, TEST_USER } from '../testing/sim-fixture';
import { encodeSentence } from '../protocol/word-codec';
import type { RouterOsSimulator } from './routeros-simulator';

const sims: RouterOsSimulator[] = [];
const clients: RawApiClient[] = [];

const boot = async (options: Parameters<typeof startSim>[0] = {}): Promise<RouterOsSimulator> => {
  const { sim } = await startSim(options);
  sims.push(sim);
  return sim;
};

const client = async (sim: RouterOsSimulator, login = true): Promise<RawApiClient> => {
  const c = await RawApiClient.open(sim.port);
  clients.push(c);
  if (login) await c.login(TEST_USER.name, TEST_USER.password);
  return c;
};

const connectError = (port: number): Promise<string> =>
  new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.on('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });

const once = (sim: RouterOsSimulator, phase: string): Promise<void> =>
  new Promise((resolve) => {
    const on = (e: { phase: string }): void => {
      if (e.phase !== phase) return;
      sim.events.off('reboot', on);
      resolve();
    };
    sim.events.on('reboot', on);
  });

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  for (const s of sims.splice(0)) await s.stop();
});

describe('RouterOsSimulator', () => {
  it('is deterministic per seed and starts ids at a seeded offset', async () => {
    const a = await boot({ seed: 5 });
    const b = await boot({ seed: 5 });
    const c = await boot({ seed: 6 });
    expect(a.state.rows('/ppp/secret')).toEqual(b.state.rows('/ppp/secret'));
    expect(a.state.rows('/interface')).toEqual(b.state.rows('/interface'));
    expect(a.state.rows('/ppp/secret')).not.toEqual(c.state.rows('/ppp/secret'));
    const firstId = parseInt((a.state.rows('/ppp/secret')[0]?.['.id'] ?? '*0').slice(1), 16);
    expect(firstId).toBeGreaterThanOrEqual(0x10);
  });

  it('refuses connections while `refuse` is set and listens on the same port again after', async () => {
    const sim = await boot();
    const port = sim.port;
    await sim.setFaults({ refuse: true });
    expect(await connectError(port)).toBe('ECONNREFUSED');
    await sim.clearFaults();
    expect(sim.port).toBe(port);
    expect(await connectError(port)).toBe('connected');
  });

  it('accepts, then closes connections beyond maxSessions', async () => {
    const sim = await boot({ faults: { maxSessions: 1 } });
    const first = await client(sim);
    const second = await client(sim, false);
    expect(await second.next()).toBeNull();
    expect(await first.call('/system/identity/print')).toEqual([
      ['!re', '=name=MikroTik'],
      ['!done'],
    ]);
  });

  it('enforces group policies and the user address restriction', async () => {
    for (const version of ['6.49', '7.16'] as const) {
      const sim = await boot({ version });
      const c = await client(sim, false);
      await c.login('reader', 'reader');
      expect((await c.call('/ip/pool/print', '=.proplist=name'))[0]).toEqual([
        '!re',
        '=name=pool-clientes',
      ]);
      expect(await c.call('/ip/pool/add', '=name=x', '=ranges=10.0.0.1-10.0.0.2')).toEqual([
        ['!trap', `=message=${sim.state.messages.notEnoughPermissions}`],
        ['!done'],
      ]);
    }
    const sim = await boot({ users: [{ name: 'lan', password: 'x', address: '10.0.0.0/8' }] });
    const c = await client(sim, false);
    expect((await c.call('/login', '=name=lan', '=password=x'))[0]).toEqual([
      '!trap',
      '=message=invalid user name or password (6)',
    ]);
  });

  // The reply to `#` is unverified [U]: both configured forms are checked, neither is assumed.
  it('answers the keepalive word # as configured', async () => {
    const sim = await boot();
    const c = await client(sim);
    expect(await c.call('#', '.tag=k')).toEqual([
      ['!trap', '.tag=k', `=message=${sim.state.messages.keepaliveTrap}`],
      ['!done', '.tag=k'],
    ]);
    await sim.setFaults({ keepaliveReply: 'done' });
    expect(await c.call('#', '.tag=k2')).toEqual([['!done', '.tag=k2']]);
  });

  it('closes with !fatal on a pre-login flood and on an oversized word', async () => {
    const sim = await boot({ faults: { maxPreLoginSentences: 2, maxWordBytes: 100 } });
    const c = await client(sim, false);
    await c.call('/login', '=name=a', '=password=b');
    await c.call('/login', '=name=a', '=password=b');
    c.send('/login', '=name=a', '=password=b');
    expect(await c.next()).toEqual(['!fatal', sim.state.messages.notLoggedIn]);
    expect(await c.next()).toBeNull();
    const d = await client(sim, false);
    d.sendRaw(encodeSentence(['/login', `=name=${'x'.repeat(200)}`]));
    expect(await d.next()).toEqual(['!fatal', sim.state.messages.messageTooLong]);
    expect(await d.next()).toBeNull();
  });

  it('gives router-like errors for unknown parameters, verbs and read-only menus', async () => {
    for (const version of ['6.49', '7.19'] as const) {
      const sim = await boot({ version });
      const c = await client(sim);
      expect((await c.call('/ppp/secret/add', '=name=x', '=colour=red'))[0]?.at(-1)).toBe(
        `=message=${sim.state.messages.unknownParameter('colour')}`,
      );
      const noSuchCommand = `=message=${sim.state.messages.noSuchCommand}`;
      expect(await c.call('/ppp/secret/frobnicate')).toEqual([['!trap', noSuchCommand], ['!done']]);
      expect(await c.call('/system/resource/set', '=cpu=fast')).toEqual([
        ['!trap', noSuchCommand],
        ['!done'],
      ]);
    }
  });

  it('streams monitor-traffic by section until /cancel, or answers once', async () => {
    const sim = await boot();
    const c = await client(sim);
    const once = await c.call('/interface/monitor-traffic', '=interface=ether1,ether2', '=once=');
    expect(once.map((s) => s[0])).toEqual(['!re', '!re', '!done']);
    expect(once[0]).toContain('=name=ether1');
    expect(once[0]?.some((w) => w.startsWith('=rx-bits-per-second='))).toBe(true);
    c.send('/interface/monitor-traffic', '=interface=ether1', '=interval=0.02', '.tag=m');
    const first = await c.next();
    const second = await c.next();
    expect(first?.at(-1)).toBe('=.section=0');
    expect(second?.at(-1)).toBe('=.section=1');
    c.send('/cancel', '=tag=m', '.tag=c');
    const rest: string[][] = [];
    for (;;) {
      const s = await c.next();
      if (!s) break;
      rest.push(s);
      if (s[0] === '!done' && s[1] === '.tag=m') break;
    }
    expect(rest.filter((s) => s[0] !== '!re')).toEqual([
      ['!trap', '.tag=m', '=category=2', '=message=interrupted'],
      ['!done', '.tag=c'],
      ['!done', '.tag=m'],
    ]);
  });

  it('print =follow= lists first, then follows changes; timeouts expire with the clock', async () => {
    const sim = await boot();
    const c = await client(sim);
    c.send('/ip/firewall/address-list/print', '=follow=', '=.proplist=list,address', '.tag=f');
    expect(await c.next()).toEqual(['!re', '.tag=f', '=list=suspended', '=address=10.20.0.15']);
    c.send(
      '/ip/firewall/address-list/add',
      '=list=tmp',
      '=address=10.1.1.1',
      '=timeout=5m',
      '.tag=a',
    );
    expect(await c.next()).toEqual(['!re', '.tag=f', '=list=tmp', '=address=10.1.1.1']);
    const addDone = await c.next();
    const id = (addDone?.[2] ?? '').slice('=ret='.length);
    sim.advance(5 * 60_000);
    expect(await c.next()).toEqual(['!re', '.tag=f', `=.id=${id}`, '=.dead=true']);
  });

  it('runs PPP and hotspot sessions with only-one and disconnect reasons', async () => {
    const sim = await boot({ version: '7.9' });
    sim.pppConnect('cliente001', { callerId: 'AA:BB:CC:DD:EE:01', address: '10.20.0.201' });
    expect(() => sim.pppConnect('cliente001')).toThrow(sim.state.messages.onlyOneRefused);
    expect(() => sim.pppConnect('cliente005')).toThrow(/refused/);
    sim.advance(90_000);
    sim.pppDisconnect('cliente001', 'hung-up');
    const secret = sim.state.rows('/ppp/secret').find((r) => r.name === 'cliente001');
    expect(secret).toMatchObject({
      'last-logged-out': 'nov/29/2024 14:19:15',
      'last-caller-id': 'AA:BB:CC:DD:EE:01',
      'last-disconnect-reason': 'hung-up',
    });
    sim.hotspotLogin('guest01');
    sim.advance(3_723_000);
    sim.hotspotLogout('guest01');
    expect(sim.state.rows('/ip/hotspot/user').find((u) => u.name === 'guest01')?.uptime).toBe(
      '1h2m3s',
    );
  });

  it('reboots: drops connections, refuses while down, returns with uptime reset', async () => {
    const sim = await boot();
    const c = await client(sim);
    sim.advance(60_000);
    const off = once(sim, 'off');
    const up = once(sim, 'up');
    void sim.rebootNow({ downMs: 100 });
    await off;
    expect(await c.next()).toBeNull();
    expect(await connectError(sim.port)).toBe('ECONNREFUSED');
    await up;
    const d = await client(sim);
    expect(await d.call('/system/resource/print', '=.proplist=uptime')).toEqual([
      ['!re', '=uptime=0s'],
      ['!done'],
    ]);
  });
});
