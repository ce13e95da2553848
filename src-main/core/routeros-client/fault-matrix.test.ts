import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION_NAMES, type VersionName } from '../../routeros-sim/engine/profiles';
import type { FaultConfig } from '../../routeros-sim/server/fault-config';
import { startSim } from '../../routeros-sim/testing/sim-fixture';
import type { RouterEndpoint } from './router-client.port';
import { RouterError, type RouterErrorKind } from './router-error';
import { RouterSession } from './router-session';
import { connectRouterOs } from './routeros.adapter';

/**
 * Every fault knob of the simulator against the adapter, on every version profile: each call
 * settles within its bound with the right typed error (or succeeds where the fault is one the
 * adapter absorbs), the process records no uncaught exception or unhandled rejection, and the next
 * call after the fault is cleared succeeds.
 */

const CONNECT_MS = 400;
const COMMAND_MS = 400;
/** Scheduling slack on a loaded 2-core machine. */
const SLACK_MS = 600;

type Expectation = { ok: true } | { kind: RouterErrorKind; reason?: string; message?: string };

type Case = {
  name: string;
  faults?: Partial<FaultConfig>;
  endpoint?: Partial<RouterEndpoint>;
  /** The faulted call; identity print by default. */
  call?: [string, string[]];
  expect: Expectation;
  /** A first call that succeeds, so that the fault hits an established connection. */
  warm?: boolean;
  /** Where the client connects: the API-SSL listener (anonymous DH), or TLS to the plain port. */
  transport?: 'api-ssl' | 'tls-to-plain-port';
  /** The fault takes the router down: wait until it is back before the recovery call. */
  reboots?: boolean;
  versions?: readonly VersionName[];
};

const PRINT: [string, string[]] = ['/interface/print', ['=.proplist=name,type']];

const CASES: Case[] = [
  { name: 'refuse', faults: { refuse: true }, expect: { kind: 'unreachable', reason: 'refused' } },
  {
    name: 'accept then close',
    faults: { connections: [{ kind: 'acceptThenClose' }] },
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: 'accept then reset',
    faults: { connections: [{ kind: 'acceptThenReset' }] },
    expect: { kind: 'unreachable' },
  },
  {
    name: 'silent',
    faults: { connections: [{ kind: 'silent' }] },
    expect: { kind: 'unreachable', reason: 'connect-timeout' },
  },
  {
    name: 'auth fail',
    faults: { authFail: true },
    expect: { kind: 'auth_failed', reason: 'credentials' },
  },
  {
    name: 'wrong password, closed after the failure',
    faults: { closeOnLoginFailure: true },
    endpoint: { password: 'wrong' },
    expect: { kind: 'auth_failed', reason: 'credentials' },
  },
  {
    name: 'user disabled',
    endpoint: { user: 'gone', password: 'gone' },
    expect: { kind: 'auth_failed', reason: 'credentials' },
  },
  {
    name: 'group without api',
    endpoint: { user: 'noapi', password: 'noapi' },
    expect: { kind: 'auth_failed', reason: 'not-allowed', message: 'std failure: not allowed' },
  },
  {
    name: 'non-ASCII password',
    endpoint: { password: 'pässwörd' },
    expect: { kind: 'auth_failed', reason: 'non-ascii-credentials' },
  },
  { name: 'legacy login', faults: { login: 'legacy' }, expect: { ok: true } },
  { name: 'mixed login', faults: { login: 'mixed' }, expect: { ok: true } },
  {
    name: 'slow command within the timeout',
    faults: { commands: [{ path: '/interface', fault: { kind: 'delay', ms: 50, jitterMs: 50 } }] },
    call: PRINT,
    expect: { ok: true },
  },
  {
    name: 'command slower than the timeout',
    faults: { commands: [{ path: '/interface', fault: { kind: 'delay', ms: 5_000 } }] },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'slow first byte',
    faults: { delayFirstByteMs: 5_000 },
    expect: { kind: 'unreachable', reason: 'connect-timeout' },
  },
  {
    name: 'hung command',
    faults: { commands: [{ path: '/interface/print', fault: { kind: 'hang' } }] },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'hung command and keepalive ignored',
    faults: {
      commands: [{ path: '/interface/print', fault: { kind: 'hang' } }],
      keepaliveReply: 'ignore',
    },
    endpoint: { socketTimeoutSec: 0.3 },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'router hangs completely',
    faults: { commands: [{ fault: { kind: 'hang' } }], keepaliveReply: 'ignore' },
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'drop (FIN) before the reply',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'drop', afterSentences: 0, mode: 'fin' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: 'drop (FIN) in the middle of a reply',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'drop', afterSentences: 2, mode: 'fin' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: 'drop (RST) in the middle of a reply',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'drop', afterSentences: 1, mode: 'rst' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'unreachable' },
  },
  {
    name: '!fatal instead of the reply',
    faults: {
      commands: [{ path: '/interface/print', fault: { kind: 'fatal', reason: 'out of memory' } }],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: '!fatal during login',
    faults: {
      commands: [{ path: '/login', fault: { kind: 'fatal', reason: 'too many sessions' } }],
    },
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: 'random trap (rate 1)',
    faults: {
      commands: [
        {
          path: '/interface',
          probability: 1,
          fault: { kind: 'trap', message: 'failure: simulated' },
        },
      ],
    },
    call: PRINT,
    expect: { kind: 'trap', message: 'failure: simulated' },
  },
  {
    name: '!empty after every command',
    faults: { emptyReply: 'all' },
    call: ['/ppp/active/print', []],
    expect: { ok: true },
  },
  {
    // One turn of the event loop per byte: a short reply (the identity), so that the case tests
    // words and lengths cut anywhere, not how fast a loaded machine turns its loop thousands of
    // times within the 400 ms command timeout. Random fragments below cover the long reply.
    name: 'one-byte TCP fragments',
    faults: { fragment: { mode: 'bytes', size: 1 } },
    expect: { ok: true },
  },
  {
    name: 'random TCP fragments',
    faults: { fragment: { mode: 'random', size: 7 } },
    call: PRINT,
    expect: { ok: true },
  },
  {
    name: 'final zero byte in its own segment',
    faults: { fragment: { mode: 'splitBeforeFinalNul', size: 1 } },
    endpoint: { socketTimeoutSec: 60 },
    call: PRINT,
    expect: { ok: true },
  },
  {
    name: 'one write per sentence',
    faults: { coalesce: false },
    call: PRINT,
    expect: { ok: true },
  },
  { name: 'tag last', faults: { tagPosition: 'last' }, call: PRINT, expect: { ok: true } },
  {
    name: 'keepalive answered with !done',
    faults: { keepaliveReply: 'done' },
    expect: { ok: true },
  },
  {
    name: 'untagged replies',
    faults: { commands: [{ path: '/interface/print', fault: { kind: 'untaggedReplies' } }] },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'reply with the wrong tag',
    faults: { commands: [{ path: '/interface/print', fault: { kind: 'wrongTag' } }] },
    call: PRINT,
    warm: true,
    expect: { kind: 'protocol' },
  },
  {
    // The reply itself is complete and is delivered; the extra !done then drops the connection.
    name: 'duplicate !done',
    faults: { commands: [{ path: '/interface/print', fault: { kind: 'duplicateDone' } }] },
    call: PRINT,
    warm: true,
    expect: { ok: true },
  },
  {
    name: 'unknown reply word',
    faults: {
      commands: [{ path: '/interface/print', fault: { kind: 'unknownReplyWord', word: '!bogus' } }],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'protocol' },
  },
  {
    name: '!trap without !done',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'trapWithoutDone', message: 'failure: half' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'trap', message: 'failure: half' },
  },
  {
    name: 'malformed reply: control byte',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'malformed', variant: 'controlByte' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'malformed reply: undefined length prefix',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'malformed', variant: 'undefinedPrefix' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    name: 'malformed reply: no reply word',
    faults: {
      commands: [
        { path: '/interface/print', fault: { kind: 'malformed', variant: 'noReplyWord' } },
      ],
    },
    call: PRINT,
    warm: true,
    expect: { kind: 'protocol' },
  },
  {
    name: 'session limit reached',
    faults: { maxSessions: 0 },
    expect: { kind: 'unreachable', reason: 'closed' },
  },
  {
    name: 'reboot',
    faults: { rebootDownMs: 50 },
    call: ['/system/reboot', []],
    warm: true,
    reboots: true,
    expect: { ok: true },
  },
  { name: 'API-SSL with anonymous DH', transport: 'api-ssl', expect: { ok: true } },
  {
    name: 'API-SSL hung command',
    transport: 'api-ssl',
    faults: { commands: [{ path: '/interface/print', fault: { kind: 'hang' } }] },
    call: PRINT,
    warm: true,
    expect: { kind: 'timeout' },
  },
  {
    // The router reads the random ClientHello as words: it closes on a byte it cannot parse or
    // waits for a word that never completes, so the reason varies; the kind does not.
    name: 'TLS to the plain API port',
    transport: 'tls-to-plain-port',
    expect: { kind: 'unreachable' },
  },
];

const processErrors: unknown[] = [];
const onUncaught = (e: unknown): void => {
  processErrors.push(e);
};

beforeAll(() => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
});

afterAll(() => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  expect(processErrors).toEqual([]);
});

const settle = async (
  p: Promise<unknown>,
): Promise<{ ok: true } | { ok: false; error: unknown }> => {
  try {
    await p;
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
};

const runCase = async (version: VersionName, c: Case): Promise<void> => {
  const { sim, endpoint: plain } = await startSim({
    version,
    data: 'isp',
    seed: 7,
    ...(c.transport === 'api-ssl' ? { apiSsl: 'adh' as const } : {}),
  });
  const endpoint: RouterEndpoint =
    c.transport === undefined
      ? plain
      : {
          ...plain,
          tls: { mode: 'anonymous' },
          ...(c.transport === 'api-ssl' ? { port: sim.sslPort } : {}),
        };
  const session = new RouterSession(
    {
      ...endpoint,
      connectTimeoutMs: CONNECT_MS,
      commandTimeoutMs: COMMAND_MS,
      socketTimeoutSec: 5,
      ...c.endpoint,
    },
    { connector: connectRouterOs(), idleCloseMs: 0 },
  );
  const up = new Promise<void>((resolve) => {
    sim.events.on('reboot', (e: { phase: string }) => {
      if (e.phase === 'up') resolve();
    });
  });
  try {
    const [command, words] = c.call ?? ['/system/identity/print', []];
    if (c.warm) await session.run('/system/identity/print');
    await sim.setFaults(c.faults ?? {});
    const started = performance.now();
    const result = await settle(session.run(command, words));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(CONNECT_MS + COMMAND_MS + SLACK_MS);
    if ('ok' in c.expect) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      const error = result.ok ? undefined : result.error;
      expect(error).toBeInstanceOf(RouterError);
      const re = error as RouterError;
      expect({ kind: re.kind, reason: re.reason }).toMatchObject({
        kind: c.expect.kind,
        ...(c.expect.reason ? { reason: c.expect.reason } : {}),
      });
      if (c.expect.message) expect(re.message.startsWith(c.expect.message)).toBe(true);
    }
    if (c.reboots) await up;
    await sim.clearFaults();
    if (c.transport === 'tls-to-plain-port') {
      // The fault is the client's: recovery is a plain session to the same port.
      const good = new RouterSession(plain, { connector: connectRouterOs(), idleCloseMs: 0 });
      await expect(good.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
      await good.close();
    } else if (c.endpoint?.user !== undefined || c.endpoint?.password !== undefined) {
      // Credentials are the fault: recovery is a session with the right ones.
      await session.close();
      const good = new RouterSession(endpoint, { connector: connectRouterOs(), idleCloseMs: 0 });
      await expect(good.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
      await good.close();
    } else {
      await expect(session.run('/system/identity/print')).resolves.toEqual([{ name: 'MikroTik' }]);
    }
  } finally {
    await session.close();
    await sim.stop();
  }
};

for (const version of VERSION_NAMES) {
  describe.concurrent(`fault matrix on ${version}`, () => {
    for (const c of CASES) {
      if (c.versions && !c.versions.includes(version)) continue;
      it(c.name, () => runCase(version, c));
    }
  });
}
