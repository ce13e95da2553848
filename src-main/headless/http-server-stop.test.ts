import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN, tempDirForTest, testCore } from '../core/test-support/test-core';
import { fixedCoreHost, type CoreHost } from '../transport/core-host';
import { createHttpServer } from './http-server';

/** A keep-alive connection that collects what the server sends and how the connection ended. */
type Conn = {
  socket: Socket;
  /** Resolves when the server has sent `count` complete answers. */
  answers(count: number): Promise<string[]>;
  /** How the server ended the connection: 'end' (closed cleanly) or the socket error's code. */
  ended: Promise<string>;
};

const bodyComplete = (answer: string) => {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const length = /content-length: (\d+)/i.exec(head)?.[1];
  return length !== undefined && Buffer.byteLength(body) >= Number(length);
};

const open = async (port: number): Promise<Conn> => {
  const socket = connect(port, '127.0.0.1');
  await new Promise((ready) => socket.once('connect', ready));
  let data = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  const ended = new Promise<string>((resolve) => {
    socket.once('end', () => resolve('end'));
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
  const split = () =>
    data.split(/(?=HTTP\/1\.1 )/).filter((a) => a.includes('\r\n\r\n') && bodyComplete(a));
  return {
    socket,
    ended,
    answers: async (count) => {
      while (split().length < count) {
        const more = new Promise<void>((resolve) => waiters.push(resolve));
        const end = ended.then((how) => {
          throw new Error(`connection ended (${how}) after: ${data}`);
        });
        await Promise.race([more, end]);
      }
      return split();
    },
  };
};

const post = (name: string, body: string) =>
  `POST /api/${name} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-ISPDesk: 1\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\n\r\n${body}`;

const bodyOf = (answer: string) => JSON.parse(answer.split('\r\n\r\n')[1] ?? '') as unknown;

/** The real host, with a gate in front of `auth.setup`: the test holds it in flight. */
const gatedHost = (inner: CoreHost) => {
  let reached: () => void = () => undefined;
  let release: () => void = () => undefined;
  const inside = new Promise<void>((resolve) => (reached = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const host: CoreHost = {
    get core() {
      return inner.core;
    },
    admit: (name, ctx) => inner.admit(name, ctx),
    call: async (name, input, ctx) => {
      if (name === 'auth.setup') {
        reached();
        await gate;
      }
      return inner.call(name, input, ctx);
    },
    download: (name, input, ctx, openFile) => inner.download(name, input, ctx, openFile),
    onSwitch: (listener) => inner.onSwitch(listener),
    stop: () => inner.stop(),
  };
  return { host, inside, release };
};

describe('stopping the HTTP server', () => {
  it('answers requests in flight, closes idle keep-alive connections, and tells late requests it is stopping', async () => {
    const tc = testCore();
    const gated = gatedHost(fixedCoreHost(tc.core));
    const server = createHttpServer({ host: gated.host, rendererDir: tempDirForTest('renderer') });
    const { port } = await server.listen(0, '127.0.0.1');

    // Two keep-alive connections, each used once.
    const [busy, idle] = [await open(port), await open(port)];
    for (const c of [busy, idle]) {
      c.socket.write(post('auth.status', ''));
      expect(await c.answers(1)).toHaveLength(1);
    }
    // busy: a sign-up being carried out when the stop begins.
    busy.socket.write(post('auth.setup', JSON.stringify(ADMIN)));
    await gated.inside;

    const closed = server.close();
    // The idle connection is closed cleanly (not reset).
    expect(await idle.ended).toBe('end');
    // A request that arrives on the busy connection during the stop; the sign-up finishes
    // once the server has read it (Node announces each request it parses on this channel).
    const parsed = (message: unknown) => {
      if ((message as { request: IncomingMessage }).request.url === '/api/auth.status') {
        gated.release();
      }
    };
    subscribe('http.server.request.start', parsed);
    onTestFinished(() => {
      unsubscribe('http.server.request.start', parsed);
    });
    busy.socket.write(post('auth.status', ''));

    const [, answered, refused] = await busy.answers(3);
    expect(answered).toMatch(/^HTTP\/1\.1 200 /);
    expect(bodyOf(answered ?? '')).toMatchObject({ ok: true });
    expect(tc.core.services.auth.status()).toEqual({ setupRequired: false });
    expect(refused).toMatch(/^HTTP\/1\.1 503 /);
    expect(refused).toMatch(/connection: close/i);
    expect(bodyOf(refused ?? '')).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'ISP Desk is stopping. Try again in a moment.' },
    });
    expect(await busy.ended).toBe('end');
    await closed;
  });
});
