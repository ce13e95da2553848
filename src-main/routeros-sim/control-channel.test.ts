import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRouterOs } from '../core/routeros-client/routeros.adapter';
import { handleControlLine, startControlChannel } from './control-channel';
import type { RouterOsSimulator } from './server/routeros-simulator';
import { startSim } from './testing/sim-fixture';

const started: RouterOsSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

const sim = async () => {
  const s = await startSim();
  started.push(s.sim);
  s.sim.state.table('/ppp/secret').insert({
    name: 'amina',
    password: 'pw-amina',
    service: 'pppoe',
    profile: 'default',
    disabled: 'false',
  });
  return s;
};

const activeNames = (s: RouterOsSimulator) => s.state.rows('/ppp/active').map((r) => r.name ?? '');

describe('simulator control channel', () => {
  it('dials a PPPoE client in only with the right password, and hangs it up', async () => {
    const { sim: s } = await sim();
    expect(
      await handleControlLine([s], '{"cmd":"connect","user":"amina","password":"nope"}'),
    ).toEqual({ ok: false, error: 'authentication failed for amina' });
    expect(
      await handleControlLine([s], '{"cmd":"connect","user":"nobody","password":"x"}'),
    ).toMatchObject({ ok: false });
    expect(activeNames(s)).toEqual([]);

    expect(
      await handleControlLine([s], '{"id":7,"cmd":"connect","user":"amina","password":"pw-amina"}'),
    ).toEqual({ id: 7, ok: true, cmd: 'connect' });
    expect(activeNames(s)).toEqual(['amina']);
    expect(await handleControlLine([s], '{"cmd":"disconnect","user":"amina"}')).toMatchObject({
      ok: true,
    });
    expect(activeNames(s)).toEqual([]);
  });

  it('refuses a disabled secret, bad JSON, unknown commands and routers, with a reason', async () => {
    const { sim: s } = await sim();
    const secret = s.state.table('/ppp/secret').findBy('name', 'amina');
    if (secret) secret.values.disabled = 'true';
    expect(
      await handleControlLine([s], '{"cmd":"connect","user":"amina","password":"pw-amina"}'),
    ).toEqual({ ok: false, error: 'secret amina is disabled' });
    expect(await handleControlLine([s], 'connect amina')).toEqual({
      ok: false,
      error: 'not JSON',
    });
    expect(await handleControlLine([s], '{"cmd":"explode"}')).toMatchObject({ ok: false });
    expect(await handleControlLine([s], '{"cmd":"down","router":2}')).toEqual({
      ok: false,
      error: 'no router 2',
    });
  });

  it('takes the API down and up on the same port, keeping configuration and sessions', async () => {
    const { sim: s, endpoint } = await sim();
    const connect = connectRouterOs();
    await handleControlLine([s], '{"cmd":"connect","user":"amina","password":"pw-amina"}');
    const port = s.port;
    const before = await connect(endpoint);
    expect(await handleControlLine([s], '{"cmd":"down"}')).toMatchObject({ ok: true });
    // The open connection was dropped and no new one is accepted.
    await expect(before.write(['/system/identity/print'], 2_000)).rejects.toMatchObject({});
    await expect(connect(endpoint)).rejects.toMatchObject({ kind: 'unreachable' });

    expect(await handleControlLine([s], '{"cmd":"up"}')).toMatchObject({ ok: true });
    expect(s.port).toBe(port);
    const after = await connect(endpoint);
    try {
      const secrets = await after.write(['/ppp/secret/print', '?name=amina'], 2_000);
      expect(secrets).toHaveLength(1);
      const active = await after.write(['/ppp/active/print'], 2_000);
      expect(active.map((r) => r.name)).toEqual(['amina']);
    } finally {
      await after.close();
      await before.close();
    }
  });

  it('answers each stdin line in order, prefixed so that it never mixes with the banner', async () => {
    const { sim: s } = await sim();
    const input = new PassThrough();
    const lines: string[] = [];
    const answered = new Promise<void>((done) => {
      startControlChannel([s], input, (line) => {
        lines.push(line);
        if (lines.length === 2) done();
      });
    });
    input.write('{"id":"a","cmd":"connect","user":"amina",');
    input.write('"password":"pw-amina"}\n\n{"id":"b","cmd":"down"}\n');
    await answered;
    expect(lines).toEqual([
      'control {"id":"a","ok":true,"cmd":"connect"}\n',
      'control {"id":"b","ok":true,"cmd":"down"}\n',
    ]);
  });
});
