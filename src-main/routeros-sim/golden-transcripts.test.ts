import { afterEach, describe, expect, it } from 'vitest';
import { legacyLoginResponse } from './protocol/legacy-login';
import { encodeSentence } from './protocol/word-codec';
import type { RouterOsSimulator } from './server/routeros-simulator';
import { RawApiClient } from './testing/raw-api-client';
import { startSim, TEST_USER } from './testing/sim-fixture';

/**
 * Byte-level transcripts against the shapes of real captures: MikroTik's API page (/cancel),
 * librouteros docs/api_analysis.rst (cancel order, empty !re, ret), go-routeros proto_test.go
 * (login), home-assistant/core#68115 (two traps for an unknown path).
 */
let sim: RouterOsSimulator | undefined;
const clients: RawApiClient[] = [];

const open = async (options: Parameters<typeof startSim>[0] = {}): Promise<RawApiClient> => {
  const started = await startSim({ data: 'isp', ...options });
  sim = started.sim;
  const c = await RawApiClient.open(sim.port);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  await sim?.stop();
  sim = undefined;
});

describe('login transcripts', () => {
  it('plain login (≥ 6.43): !done, and trap + done for a wrong password', async () => {
    const c = await open({ version: '7.16' });
    expect(await c.call('/login', '=name=api', '=password=wrong', '.tag=1')).toEqual([
      ['!trap', '.tag=1', '=message=invalid user name or password (6)'],
      ['!done', '.tag=1'],
    ]);
    expect(
      await c.call(
        '/login',
        `=name=${TEST_USER.name}`,
        `=password=${TEST_USER.password}`,
        '.tag=2',
      ),
    ).toEqual([['!done', '.tag=2']]);
  });

  it('legacy login (6.42): any /login without a response gets a challenge', async () => {
    const c = await open({ version: '6.42' });
    // A pre-6.43 router ignores =name=/=password= and answers with the challenge.
    const [challengeReply] = await c.call('/login', '=name=api', '=password=api-secret');
    expect(challengeReply?.[0]).toBe('!done');
    const ret = challengeReply?.[1] ?? '';
    expect(ret).toMatch(/^=ret=[0-9a-f]{32}$/);
    const challenge = ret.slice(5);
    expect(
      await c.call('/login', '=name=api', `=response=${legacyLoginResponse('wrong', challenge)}`),
    ).toEqual([['!trap', '=message=cannot log in'], ['!done']]);
    const [again] = await c.call('/login');
    const challenge2 = (again?.[1] ?? '').slice(5);
    expect(challenge2).not.toBe(challenge);
    expect(
      await c.call(
        '/login',
        '=name=api',
        `=response=${legacyLoginResponse(TEST_USER.password, challenge2)}`,
      ),
    ).toEqual([['!done']]);
  });

  it('a group without the api policy gets std failure: not allowed (9)', async () => {
    const c = await open({ version: '7.19' });
    expect(await c.call('/login', '=name=noapi', '=password=noapi')).toEqual([
      ['!trap', '=message=std failure: not allowed (9)'],
      ['!done'],
    ]);
  });

  it('any command before login is !fatal "not logged in", then close', async () => {
    const c = await open();
    c.send('/interface/print');
    expect(await c.next()).toEqual(['!fatal', 'not logged in']);
    expect(await c.next()).toBeNull();
  });
});

describe('command transcripts', () => {
  it('/cancel: interrupted trap for the victim, done for the cancel, then done for the victim', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    c.send('/interface/listen', '.tag=2');
    await sim?.nextSentence((s) => s.words[0] === '/interface/listen');
    expect(
      await c
        .call('/cancel', '=tag=2', '.tag=3')
        .then(async (first) => [...first, ...(await c.untilDone())]),
    ).toEqual([
      ['!trap', '.tag=2', '=category=2', '=message=interrupted'],
      ['!done', '.tag=3'],
      ['!done', '.tag=2'],
    ]);
  });

  it('listen sends changes only, with .dead for removals', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    c.send('/ip/pool/listen', '=.proplist=name,ranges', '.tag=l');
    await sim?.nextSentence((s) => s.words[0] === '/ip/pool/listen');
    c.send('/ip/pool/add', '=name=p1', '=ranges=10.9.0.2-10.9.0.9', '.tag=a');
    expect(await c.next()).toEqual(['!re', '.tag=l', '=name=p1', '=ranges=10.9.0.2-10.9.0.9']);
    const done = await c.next();
    expect(done?.slice(0, 2)).toEqual(['!done', '.tag=a']);
    const id = (done?.[2] ?? '').slice('=ret='.length);
    c.send('/ip/pool/remove', `=.id=${id}`, '.tag=r');
    expect(await c.next()).toEqual(['!re', '.tag=l', `=.id=${id}`, '=.dead=true']);
    expect(await c.next()).toEqual(['!done', '.tag=r']);
  });

  it('print with .proplist naming absent properties gives empty !re sentences', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    const replies = await c.call('/ip/pool/print', '=.proplist=no-such-prop', '.tag=4');
    expect(replies).toEqual([
      ['!re', '.tag=4'],
      ['!re', '.tag=4'],
      ['!done', '.tag=4'],
    ]);
  });

  it('add returns =ret= with the new id; count-only returns the count in !done', async () => {
    const c = await open({ version: '6.49' });
    await c.login(TEST_USER.name, TEST_USER.password);
    const [done] = await c.call('/ppp/secret/add', '=name=new1', '=password=x', '.tag=5');
    expect(done?.slice(0, 2)).toEqual(['!done', '.tag=5']);
    expect(done?.[2]).toMatch(/^=ret=\*[0-9A-F]+$/);
    expect(await c.call('/ppp/secret/print', '=count-only=', '.tag=6')).toEqual([
      ['!done', '.tag=6', '=ret=6'],
    ]);
  });

  it('7.18+ answers a zero-row print with !empty before !done; older profiles do not', async () => {
    const c = await open({ version: '7.19' });
    await c.login(TEST_USER.name, TEST_USER.password);
    expect(await c.call('/ppp/active/print', '.tag=5')).toEqual([
      ['!empty', '.tag=5'],
      ['!done', '.tag=5'],
    ]);
    await sim?.stop();
    const d = await open({ version: '7.16' });
    await d.login(TEST_USER.name, TEST_USER.password);
    expect(await d.call('/ppp/active/print', '.tag=5')).toEqual([['!done', '.tag=5']]);
  });

  it('an unknown menu gets two traps and one !done', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    expect(await c.call('/ip/adress/print')).toEqual([
      ['!trap', '=category=0', '=message=no such command or directory (adress)'],
      ['!trap', '=message=no such command prefix'],
      ['!done'],
    ]);
  });

  it('a duplicate gets the exact router message, and the session continues', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    expect(await c.call('/ppp/secret/add', '=name=cliente001', '.tag=d')).toEqual([
      ['!trap', '.tag=d', '=message=failure: secret with the same name already exists'],
      ['!done', '.tag=d'],
    ]);
    expect((await c.call('/system/identity/print', '.tag=e'))[0]).toEqual([
      '!re',
      '.tag=e',
      '=name=MikroTik',
    ]);
  });

  it('/quit is !fatal "session terminated on request", then close', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    c.send('/quit', '.tag=9');
    expect(await c.next()).toEqual(['!fatal', 'session terminated on request']);
    expect(await c.next()).toBeNull();
  });

  it('puts the tag last on request', async () => {
    const c = await open({ faults: { tagPosition: 'last' } });
    await c.login(TEST_USER.name, TEST_USER.password);
    expect(await c.call('/system/identity/print', '.tag=t')).toEqual([
      ['!re', '=name=MikroTik', '.tag=t'],
      ['!done', '.tag=t'],
    ]);
  });

  it('ignores empty sentences and answers a command split at every byte position once', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    const bytes = encodeSentence(['/system/identity/print', '=.proplist=name', '.tag=s']);
    for (let i = 1; i < bytes.length; i++) {
      c.sendRaw(Buffer.from([0]));
      c.sendRaw(bytes.subarray(0, i));
      await new Promise<void>((resolve) => setImmediate(resolve));
      c.sendRaw(bytes.subarray(i));
      expect(await c.untilDone()).toEqual([
        ['!re', '.tag=s', '=name=MikroTik'],
        ['!done', '.tag=s'],
      ]);
    }
  });

  it('closes the connection on a reserved control byte', async () => {
    const c = await open();
    await c.login(TEST_USER.name, TEST_USER.password);
    c.sendRaw(Buffer.from([0xf8, 0x00]));
    expect(await c.next()).toBeNull();
  });
});
