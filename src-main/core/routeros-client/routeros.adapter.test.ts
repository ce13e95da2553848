import { afterEach, describe, expect, it } from 'vitest';
import type { RouterOsSimulator } from '../../routeros-sim/server/routeros-simulator';
import { startSim } from '../../routeros-sim/testing/sim-fixture';
import { TEST_ROUTER_CERT, TEST_ROUTER_KEY } from '../../routeros-sim/testing/test-certificate';
import type { RouterEndpoint } from './router-client.port';
import { RouterError } from './router-error';
import { RouterSession } from './router-session';
import { ADH_CLIENT_CIPHERS, connectRouterOs, routerOsOptions } from './routeros.adapter';

let sim: RouterOsSimulator | undefined;
const sessions: RouterSession[] = [];

const open = async (
  options: Parameters<typeof startSim>[0] = {},
  endpoint: Partial<RouterEndpoint> = {},
): Promise<RouterSession> => {
  const started = await startSim(options);
  sim = started.sim;
  const s = new RouterSession(
    { ...started.endpoint, ...endpoint },
    { connector: connectRouterOs(), idleCloseMs: 0 },
  );
  sessions.push(s);
  return s;
};

const rejection = async (p: Promise<unknown>): Promise<RouterError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof RouterError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
};

afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  await sim?.stop();
  sim = undefined;
});

describe('routerOsOptions', () => {
  it('uses 8729 with TLS and 8728 without, unless a port is given', () => {
    const base = { host: 'r1', user: 'u', password: 'p' };
    expect(routerOsOptions(base).port).toBe(8728);
    expect(routerOsOptions({ ...base, tls: { mode: 'anonymous' } }).port).toBe(8729);
    expect(routerOsOptions({ ...base, tls: { mode: 'anonymous' }, port: 18729 }).port).toBe(18729);
    expect(routerOsOptions({ ...base, tls: { mode: 'anonymous' } }).tls).toEqual({
      ciphers: 'ADH-AES256-GCM-SHA384:@SECLEVEL=0',
      rejectUnauthorized: false,
    });
    expect(ADH_CLIENT_CIPHERS).toContain('@SECLEVEL=0');
  });
});

describe('login', () => {
  it.each(['6.42', '6.49', '7.9', '7.16', '7.19'] as const)('logs in on %s', async (version) => {
    const s = await open({ version });
    await expect(s.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
    const logins = sim?.received.filter((r) => r.words[0] === '/login') ?? [];
    // 6.42 (challenge): the library's plain attempt, then the response; otherwise one plain login.
    expect(logins.length).toBe(version === '6.42' ? 2 : 1);
  });

  it('maps a wrong password to auth_failed, on both login flows', async () => {
    for (const version of ['6.42', '7.19'] as const) {
      const s = await open({ version }, { password: 'wrong' });
      expect(await rejection(s.run('/system/identity/print'))).toMatchObject({
        kind: 'auth_failed',
        reason: 'credentials',
      });
      await s.close();
      await sim?.stop();
    }
  });
});

describe('commands', () => {
  it('returns [] for !empty (7.18+) on print, and on every command with emptyReply=all', async () => {
    const s = await open({ version: '7.19', faults: { emptyReply: 'all' } });
    await expect(s.run('/ppp/active/print')).resolves.toEqual([]);
    await expect(s.run('/system/identity/set', ['=name=R2'])).resolves.toEqual([]);
    expect(sim?.received.at(-1)?.words[0]).toBe('/system/identity/set');
  });

  it('keeps the connection after a trap and reports the message', async () => {
    const s = await open();
    const e = await rejection(s.run('/ip/adress/print'));
    expect(e).toMatchObject({
      kind: 'trap',
      routerMessage: 'no such command or directory (adress)',
    });
    expect(e.code).toBe('validation');
    await expect(s.run('/system/identity/print')).resolves.toHaveLength(1);
    expect(sim?.connections()).toHaveLength(1);
  });

  it('runs concurrent tagged commands on one connection and routes every reply', async () => {
    const s = await open({
      faults: { commands: [{ path: '/ip/pool', fault: { kind: 'delay', ms: 30 } }] },
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? s.run('/ip/pool/print', ['=.proplist=name']).then((r) => r.map((x) => x.name).join())
          : s.run('/system/identity/print').then((r) => r[0]?.name),
      ),
    );
    expect(results).toEqual(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0 ? 'pool-clientes,pool-hotspot' : 'MikroTik',
      ),
    );
    expect(sim?.connections()).toHaveLength(1);
  });

  it('passes Windows-1252 text byte-exact and refuses text it cannot encode', async () => {
    const s = await open();
    await s.run('/ppp/secret/add', ['=name=ä1', '=comment=Müller € café']);
    const [row] = await s.run('/ppp/secret/print', ['?name=ä1', '=.proplist=name,comment']);
    expect(row).toEqual({ name: 'ä1', comment: 'Müller € café' });
    // The simulator stores bytes: 'ä' arrived as the single byte 0xE4, '€' as 0x80.
    const stored = sim?.state.table('/ppp/secret').findBy('name', '\u00e41');
    expect(Buffer.from(stored?.values.comment ?? '', 'latin1').toString('hex')).toBe(
      Buffer.from('M\u00fcller \u0080 caf\u00e9', 'latin1').toString('hex'),
    );
    const before = sim?.received.length;
    expect(await rejection(s.run('/ppp/secret/add', ['=name=Иван']))).toMatchObject({
      kind: 'invalid_request',
    });
    expect(sim?.received.length).toBe(before);
  });

  it('settles pending and queued calls with `closed` on close', async () => {
    const started = await startSim({
      faults: { commands: [{ path: '/interface/print', fault: { kind: 'hang' } }] },
    });
    sim = started.sim;
    const hung = new RouterSession(
      { ...started.endpoint, commandTimeoutMs: 10_000 },
      { connector: connectRouterOs(), maxConcurrent: 1, idleCloseMs: 0 },
    );
    sessions.push(hung);
    const sent = started.sim.nextSentence((r) => r.words[0] === '/interface/print');
    const first = rejection(hung.run('/interface/print'));
    const queued = rejection(hung.run('/system/identity/print'));
    await sent;
    await hung.close();
    expect(await first).toMatchObject({ kind: 'closed' });
    expect(await queued).toMatchObject({ kind: 'closed' });
    expect(await rejection(hung.run('/system/identity/print'))).toMatchObject({ kind: 'closed' });
  });

  it('reconnects after a reboot, which resets uptime and drops sessions', async () => {
    const s = await open({ faults: { rebootDownMs: 50 } });
    sim?.pppConnect('cliente001');
    sim?.advance(3_600_000);
    expect((await s.run('/system/resource/print', ['=.proplist=uptime']))[0]).toEqual({
      uptime: '1h',
    });
    const up = new Promise<void>((resolve) =>
      sim?.events.on('reboot', (e: { phase: string }) => {
        if (e.phase === 'up') resolve();
      }),
    );
    await s.run('/system/reboot');
    await up;
    expect((await s.run('/system/resource/print', ['=.proplist=uptime']))[0]).toEqual({
      uptime: '0s',
    });
    await expect(s.run('/ppp/active/print')).resolves.toEqual([]);
    const [secret] = await s.run('/ppp/secret/print', [
      '?name=cliente001',
      '=.proplist=last-disconnect-reason',
    ]);
    expect(secret).toEqual({ 'last-disconnect-reason': sim?.state.messages.rebootReason });
  });
});

describe('API-SSL', () => {
  it('connects with anonymous DH to a listener without a certificate', async () => {
    const started = await startSim({ apiSsl: 'adh' });
    sim = started.sim;
    const s = new RouterSession(
      { ...started.endpoint, port: started.sim.sslPort, tls: { mode: 'anonymous' } },
      { connector: connectRouterOs(), idleCloseMs: 0 },
    );
    sessions.push(s);
    await expect(s.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
    expect(sim.connections()).toEqual([expect.objectContaining({ tls: true })]);
    // A client that insists on a certificate cannot talk to an anonymous listener.
    const verifying = new RouterSession(
      { ...started.endpoint, port: started.sim.sslPort, tls: { mode: 'verify' } },
      { connector: connectRouterOs(), idleCloseMs: 0 },
    );
    sessions.push(verifying);
    expect(await rejection(verifying.run('/system/identity/print'))).toMatchObject({
      kind: 'unreachable',
      reason: 'tls',
    });
  });

  it('verifies a router certificate against a pinned CA and rejects a mismatch', async () => {
    const started = await startSim({ apiSsl: { key: TEST_ROUTER_KEY, cert: TEST_ROUTER_CERT } });
    sim = started.sim;
    const pinned = new RouterSession(
      {
        ...started.endpoint,
        port: started.sim.sslPort,
        tls: { mode: 'verify', ca: TEST_ROUTER_CERT },
      },
      { connector: connectRouterOs(), idleCloseMs: 0 },
    );
    sessions.push(pinned);
    await expect(pinned.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
    const unpinned = new RouterSession(
      { ...started.endpoint, port: started.sim.sslPort, tls: { mode: 'verify' } },
      { connector: connectRouterOs(), idleCloseMs: 0 },
    );
    sessions.push(unpinned);
    expect(await rejection(unpinned.run('/system/identity/print'))).toMatchObject({
      kind: 'unreachable',
      reason: 'tls',
    });
  });
});
